package com.hirepilot.rex.brain;

import java.util.Locale;

/**
 * A question the documentation answers: no checks of its own (an identifier in it is still read, by
 * {@link Grounding}), and the best retrieved section as the answer.
 */
final class HowTo implements Playbook {

  static final HowTo INSTANCE = new HowTo();

  @Override
  public void plan(Turn turn, Calls calls) {
    // The documentation answers it.
  }

  @Override
  public String opener(Turn turn) {
    String q = turn.question().toLowerCase(Locale.ROOT);
    if (q.contains("what is the portal") || q.contains("what's the portal")) {
      return Scripts.INTRO;
    }
    if (q.matches("(?s).*\\b(edit|change|modify|delete|add or remove)\\b.*")
        && q.contains("client")) {
      return Scripts.ROLES;
    }
    return null;
  }
}
