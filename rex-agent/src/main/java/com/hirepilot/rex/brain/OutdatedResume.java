package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.tools.Findings;
import java.util.List;

/**
 * "The client sees an old resume": read the submission's files; when a newer public version is not
 * shared yet, propose resending the submission with the newest files.
 */
final class OutdatedResume implements Playbook {

  static final OutdatedResume INSTANCE = new OutdatedResume();

  @Override
  public void plan(Turn turn, Calls calls) {
    readFilesAndOfferNewest(turn, calls);
  }

  /** The files of the named submission, and a resend with the newest when one is not shared. */
  static void readFilesAndOfferNewest(Turn turn, Calls calls) {
    if (turn.client()) {
      calls.read("myJobs", args());
      return;
    }
    String submission = turn.understanding().submission();
    if (submission == null
        || calls.read("submissionAttachments", args("submissionId", submission))) {
      return;
    }
    Findings.SubmissionAttachments files = turn.evidence().attachments();
    if (files != null && files.newerPublicFileNotShared()) {
      calls.act(
          "proposeSubmissionResend", args("submissionId", submission, "withNewestFiles", true));
    }
  }

  @Override
  public String opener(Turn turn) {
    return turn.client()
        ? "Sorry about that. The portal shows the files your recruiter shared with the"
            + " submission; a newer resume appears once they resend it."
        : "The portal shows the files shared with the submission, so a newer resume"
            + " reaches the client only when the submission is resent with it.";
  }

  @Override
  public String diagnosis(Turn turn) {
    Findings.SubmissionAttachments files = turn.evidence().attachments();
    if (turn.client() || files == null || !files.found()) {
      return null;
    }
    return files.newerResumeNotShared()
        ? "the client sees an older resume because the submission still shares it. Resending"
            + " with the newest resume fixes it."
        : "the newest resume is already the one shared. Ask the client to reload the page; if"
            + " the candidate has a newer CV, upload it first, then resend.";
  }

  @Override
  public List<String> missing(Turn turn) {
    return missingSubmission(turn);
  }

  static List<String> missingSubmission(Turn turn) {
    if (turn.client() || turn.understanding().submission() != null) {
      return List.of();
    }
    return List.of(
        "the submission ID (from the recruiter API, or the #submission-… part of the portal"
            + " address)");
  }
}
