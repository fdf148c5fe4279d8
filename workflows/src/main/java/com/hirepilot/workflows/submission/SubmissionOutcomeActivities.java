package com.hirepilot.workflows.submission;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * What the workflow's Updates put on record before they answer: a decision, a withdrawal, a new
 * email round; and the end of the lifecycle. Each write is conditional on the state it moves from,
 * so a retry or a replay changes nothing.
 */
@ActivityInterface
public interface SubmissionOutcomeActivities {

  /**
   * Stores the client's decision and the submission's new status.
   *
   * <p>Idempotency key: {@code submission-<id>/decision/<decision>}.
   */
  void recordDecision(String submissionId, ClientDecision decision);

  /**
   * Stores the recruiter's withdrawal: the client stops seeing the candidate at once, the pipeline
   * stage and the job's internal activity log follow.
   *
   * <p>Idempotency key: {@code submission-<id>/withdrawal}.
   */
  void recordWithdrawal(String submissionId, RecruiterAction withdrawal);

  /**
   * Starts a new email round: stores the new attachments and message, if any, and resets the
   * round's reminder progress.
   *
   * <p>Idempotency key: {@code submission-<id>/resend/<round>}.
   */
  void prepareResend(
      String submissionId, int round, String actor, List<String> attachmentIds, String message);

  /**
   * Marks the lifecycle as finished: nothing is left for a workflow to do, so start-up
   * reconciliation leaves the submission alone.
   *
   * <p>Idempotent: only the first call sets the time.
   */
  void settle(String submissionId);
}
