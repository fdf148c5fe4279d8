package com.hirepilot.workflows.submission;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Everything the submission workflow does to the outside world. Each activity is idempotent under
 * its key, so Temporal's retries and replays never send a second email or write a second record.
 */
@ActivityInterface
public interface SubmissionActivities {

  /**
   * Emails the submission, with a fresh portal link, to every active collaborator of the job, notes
   * when the round went out and marks the submission as awaiting feedback.
   *
   * <p>Idempotency key: {@code submission-<id>/SUBMISSION/<round>/<collaboratorId>}; a recipient
   * already sent to in this round is skipped.
   *
   * @return how many collaborators the submission went to
   */
  int sendSubmissionEmails(String submissionId, int round);

  /**
   * Reminds every active collaborator that the submission awaits their decision, and records that
   * the round has passed this step of the reminder schedule.
   *
   * <p>Idempotency key: {@code submission-<id>/REMINDER/<round>/<step>/<collaboratorId>}.
   *
   * @param step which deadline of the schedule was missed, from 1
   * @return how many collaborators were reminded
   */
  int sendReminders(String submissionId, int round, int step);

  /**
   * Tells the recruiter (email and in-app) that the client has not answered after the last
   * reminder.
   *
   * <p>Idempotency key: {@code submission-<id>/NO_RESPONSE/<round>/<recruiterId>}.
   */
  void alertRecruiterNoResponse(String submissionId, int round);

  /**
   * Stores the client's decision and the submission's new status.
   *
   * <p>Idempotency key: {@code submission-<id>/decision/<decision>}.
   */
  void recordDecision(String submissionId, ClientDecision decision);

  /**
   * Tells the recruiter who owns the submission (email and in-app) about the client's decision.
   *
   * <p>Idempotency key: {@code submission-<id>/RECRUITER_NOTIFICATION/<decision>/<recruiterId>}.
   */
  void notifyRecruiter(String submissionId, ClientDecision decision);

  /**
   * Moves the candidate's pipeline stage for the job to follow the decision.
   *
   * <p>Idempotency key: {@code submission-<id>/pipeline/<decision>}.
   *
   * @return the new stage
   */
  String movePipelineStage(String submissionId, Decision decision);

  /**
   * Writes the decision to the job's activity log.
   *
   * <p>Idempotency key: {@code submission-<id>/activity/<decision>}.
   */
  void logJobActivity(String submissionId, ClientDecision decision);

  /**
   * Moves the deal connected to the submission's job, if there is one, to follow the decision.
   *
   * <p>Idempotency key: {@code submission-<id>/deal/<decision>}.
   *
   * @return the deal's stage afterwards, or null when the job has no deal
   */
  String updateDeal(String submissionId, Decision decision);

  /**
   * Hands a lifecycle event to the workspace's automation rules.
   *
   * <p>Idempotency key: {@code submission-<id>/automation/<trigger>/<occurrence>}.
   *
   * @param occurrence tells repeated events of one trigger apart: the round, the comment ID
   */
  void handToAutomation(String submissionId, AutomationTrigger trigger, String occurrence);

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
   * Passes a client's comment on to the recruiter (email and in-app) and the job's activity log.
   *
   * <p>Idempotency key: {@code submission-<id>/COMMENT/<commentId>}.
   */
  void notifyRecruiterOfComment(String submissionId, String commentId);

  /**
   * Marks the lifecycle as finished: nothing is left for a workflow to do, so start-up
   * reconciliation leaves the submission alone.
   *
   * <p>Idempotent: only the first call sets the time.
   */
  void settle(String submissionId);
}
