package com.hirepilot.workflows.submission;

import com.hirepilot.workflows.email.QueuedEmails;
import java.time.Duration;
import java.util.List;

/**
 * What the workflow needs to start: identifiers and settings only, so that nothing a client must
 * not see (notes, contact details) ever lands in workflow history.
 *
 * @param reminderSchedule delays after each submission email at which an unanswered client is
 *     reminded; the recruiter is alerted with the last reminder. Empty: no reminders.
 * @param resumeFrom where an earlier run of this submission got to, read from the database when the
 *     embedded server lost the workflow (a restart); null for a new submission
 * @param indexStatus whether the {@code SubmissionStatus} search attribute is registered on the
 *     cluster, so the workflow may upsert it
 * @param firstRound the first round's emails, recorded in the transaction that recorded the
 *     submission, so the workflow's first step is their delivery; null when the workflow is to
 *     record them itself (a resumed submission, or a caller from before this field)
 */
public record SubmissionRequest(
    String submissionId,
    String workspaceId,
    String jobId,
    String candidateId,
    List<Duration> reminderSchedule,
    SubmissionProgress resumeFrom,
    boolean indexStatus,
    QueuedEmails firstRound) {

  public SubmissionRequest(
      String submissionId,
      String workspaceId,
      String jobId,
      String candidateId,
      List<Duration> reminderSchedule,
      SubmissionProgress resumeFrom,
      boolean indexStatus) {
    this(
        submissionId,
        workspaceId,
        jobId,
        candidateId,
        reminderSchedule,
        resumeFrom,
        indexStatus,
        null);
  }

  /** A new submission, started from its first email. */
  public SubmissionRequest(
      String submissionId,
      String workspaceId,
      String jobId,
      String candidateId,
      List<Duration> reminderSchedule) {
    this(submissionId, workspaceId, jobId, candidateId, reminderSchedule, null, false, null);
  }
}
