package com.hirepilot.app.submission.internal;

import com.hirepilot.workflows.submission.AutomationTrigger;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.EmailKind;

/**
 * The idempotency key of one step of a submission's lifecycle: every email, timeline entry,
 * activity line and notification is stored once under its key, so a retried activity or a replayed
 * workflow does nothing twice. The spellings are stored in the database; they never change (the
 * table in docs/submission-lifecycle.md lists them).
 */
public record StepKey(String value) {

  public static StepKey submitted(String submissionId) {
    return of(submissionId, "SUBMITTED");
  }

  public static StepKey submissionEmail(String submissionId, int round, String collaboratorId) {
    return of(submissionId, EmailKind.SUBMISSION, round, collaboratorId);
  }

  public static StepKey reminder(String submissionId, int round, int step, String collaboratorId) {
    return of(submissionId, EmailKind.REMINDER, round, step, collaboratorId);
  }

  public static StepKey noResponseAlert(String submissionId, int round, String recruiterId) {
    return of(submissionId, "NO_RESPONSE", round, recruiterId);
  }

  public static StepKey decision(String submissionId, Decision decision) {
    return of(submissionId, "decision", decision);
  }

  public static StepKey recruiterNotification(
      String submissionId, Decision decision, String recruiterId) {
    return of(submissionId, EmailKind.RECRUITER_NOTIFICATION, decision, recruiterId);
  }

  public static StepKey pipeline(String submissionId, Decision decision) {
    return of(submissionId, "pipeline", decision);
  }

  public static StepKey deal(String submissionId, Decision decision) {
    return of(submissionId, "deal", decision);
  }

  public static StepKey automation(
      String submissionId, AutomationTrigger trigger, String occurrence) {
    return of(submissionId, "automation", trigger, occurrence);
  }

  public static StepKey comment(String submissionId, String commentId) {
    return of(submissionId, "comment", commentId);
  }

  public static StepKey commentNotification(String submissionId, String commentId) {
    return of(submissionId, "COMMENT", commentId);
  }

  public static StepKey commentDigest(String submissionId, String batch) {
    return of(submissionId, "COMMENT_DIGEST", batch);
  }

  public static StepKey replyDigest(String submissionId, String batch, String collaboratorId) {
    return of(submissionId, EmailKind.RECRUITER_REPLY, batch, collaboratorId);
  }

  public static StepKey resend(String submissionId, int round) {
    return of(submissionId, "resend", round);
  }

  public static StepKey withdrawal(String submissionId) {
    return of(submissionId, "withdrawal");
  }

  /** The job's activity lines about the submission, one key per kind of line and occurrence. */
  public static StepKey submittedActivity(String submissionId) {
    return of(submissionId, "activity", "SUBMITTED");
  }

  public static StepKey decisionActivity(String submissionId, Decision decision) {
    return of(submissionId, "activity", decision);
  }

  public static StepKey commentActivity(String submissionId, String commentId) {
    return of(submissionId, "activity", "COMMENT", commentId);
  }

  public static StepKey noResponseActivity(String submissionId, int round) {
    return of(submissionId, "activity", "NO_RESPONSE", round);
  }

  public static StepKey resendActivity(String submissionId, int round) {
    return of(submissionId, "activity", "RESENT", round);
  }

  public static StepKey withdrawalActivity(String submissionId) {
    return of(submissionId, "activity", "WITHDRAWN");
  }

  private static StepKey of(String submissionId, Object... parts) {
    StringBuilder key = new StringBuilder("submission-").append(submissionId);
    for (Object part : parts) {
      key.append('/').append(part);
    }
    return new StepKey(key.toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
