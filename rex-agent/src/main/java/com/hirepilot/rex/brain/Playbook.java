package com.hirepilot.rex.brain;

import com.hirepilot.rex.knowledge.Section;
import java.util.List;

/**
 * How support handles one kind of issue: the tool calls it makes, in order, as findings come in;
 * what the findings mean; the action it proposes; and what it still needs from the user. One class
 * per {@link Intent}, each reading typed findings from the turn's {@link Evidence}. The {@link
 * Composer} only lays the answer out.
 */
interface Playbook {

  /**
   * Asks for the next calls, given what the turn has found so far; asks for none when it has all it
   * needs (the answer is then written).
   */
  void plan(Turn turn, Calls calls);

  /** The support script the answer opens with, or null. */
  default String opener(Turn turn) {
    return null;
  }

  /** What the findings mean, in a sentence or two; null when they say nothing. */
  default String diagnosis(Turn turn) {
    return null;
  }

  /** Whether the answer lists the findings under "What I found" (a tour links them instead). */
  default boolean listsFindings(Turn turn) {
    return true;
  }

  /** The fix or explanation to show from the cited section, or null for the section's own. */
  default String fix(Turn turn, Section section) {
    return null;
  }

  /** Advice the findings call for beyond the proposed actions. */
  default List<String> nextSteps(Turn turn) {
    return List.of();
  }

  /** How the answer introduces what is still needed. */
  default String missingLead() {
    return "To check this for you, I need ";
  }

  /** What REX still needs from the user to check or act, in words. */
  default List<String> missing(Turn turn) {
    return List.of();
  }

  /**
   * A section whose fix fits the findings better than the intent's own (a bounced address, a relay
   * that is retrying), or null.
   */
  default String narrowerSection(Turn turn) {
    return null;
  }
}
