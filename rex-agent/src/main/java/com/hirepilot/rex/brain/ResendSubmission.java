package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.tools.Findings;
import java.util.List;

/** "Send the submission again": check it exists, then propose the resend (with newest files). */
final class ResendSubmission implements Playbook {

  static final ResendSubmission INSTANCE = new ResendSubmission();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (turn.client()) {
      calls.read("myJobs", args());
      return;
    }
    Understanding u = turn.understanding();
    if (u.submission() == null
        || calls.read("submissionState", args("submissionId", u.submission()))) {
      return;
    }
    Findings.SubmissionState state = turn.evidence().state();
    if (state != null && state.found()) {
      calls.act(
          "proposeSubmissionResend",
          args("submissionId", u.submission(), "withNewestFiles", u.wantsLatestResume()));
    }
  }

  @Override
  public String opener(Turn turn) {
    return Scripts.SUBMISSION_VISIBILITY;
  }

  @Override
  public List<String> missing(Turn turn) {
    return OutdatedResume.missingSubmission(turn);
  }
}
