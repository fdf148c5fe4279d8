package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import java.util.List;

/**
 * "Has the client answered?", "how many reminders went out?": read the record the question names
 * and state what it shows. The submission's own state when named; a job, an address or a candidate
 * is read by {@link Grounding} like any other identifier.
 */
final class SubmissionStatus implements Playbook {

  static final SubmissionStatus INSTANCE = new SubmissionStatus();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (turn.client()) {
      calls.read("myJobs", args());
      return;
    }
    Understanding u = turn.understanding();
    if (u.submissionId() != null || (u.jobId() == null && u.submission() != null)) {
      calls.read("submissionState", args("submissionId", u.submission()));
    }
  }

  @Override
  public String opener(Turn turn) {
    return turn.client() ? "Here is where your candidates stand." : null;
  }

  @Override
  public List<String> missing(Turn turn) {
    Understanding u = turn.understanding();
    if (turn.client() || u.namesARecord() || u.email() != null) {
      return List.of();
    }
    return List.of(
        "the submission ID (from the recruiter API, or the #submission-… part of the portal"
            + " address), or the client's email address");
  }
}
