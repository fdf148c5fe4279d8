package com.hirepilot.app.submission;

import com.hirepilot.app.notification.EmailDelivery;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.TimelineEntry;
import java.time.Instant;
import java.util.List;

/**
 * Everything on record about one submission: where it stands, what the client sees of it, what the
 * client did, and its whole history.
 *
 * @param message the submission message the client sees now
 * @param attachmentIds the candidate's files shown with it now
 * @param clientDecision the client's decision on record, or null
 * @param withdrawal the recruiter's withdrawal, or null
 * @param timeline every step, oldest first
 * @param comments the client's comments, oldest first
 * @param emails every email about it, with its delivery status
 */
public record SubmissionDetails(
    SubmissionSummary summary,
    String message,
    List<String> attachmentIds,
    DecisionOnRecord clientDecision,
    WithdrawalOnRecord withdrawal,
    List<TimelineEntry> timeline,
    List<SubmissionComment> comments,
    List<EmailDelivery> emails) {

  /** The client's decision: who took it, when, and what they wrote with it. */
  public record DecisionOnRecord(
      Decision decision,
      String collaboratorId,
      String collaboratorName,
      String reason,
      String availability,
      Instant at) {}

  public record WithdrawalOnRecord(String recruiterId, String recruiterName, Instant at) {}
}
