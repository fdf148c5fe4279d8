package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.tools.Findings;

/**
 * "The rule did not fire", "the webhook never arrived": read the run log of every rule (of one
 * submission, when named). It says which rule fired on which event and what the receiver answered,
 * or that none matched.
 */
final class AutomationNotFired implements Playbook {

  static final AutomationNotFired INSTANCE = new AutomationNotFired();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (!turn.client()) {
      calls.read("automationRuns", args("submissionId", turn.understanding().submission()));
    }
  }

  @Override
  public String opener(Turn turn) {
    return turn.client() ? null : "Let's see what the rule's run log says: every run is on record.";
  }

  @Override
  public String diagnosis(Turn turn) {
    Findings.AutomationRuns log =
        turn.evidence().first("automationRuns", Findings.AutomationRuns.class);
    return turn.client() || log == null
        ? null
        : AutomationReading.of(log, turn.question()).diagnosis();
  }
}
