package com.hirepilot.workflows.submission;

import io.temporal.activity.ActivityInterface;

/**
 * Everything the submission workflow does to the outside world. Each activity is idempotent under
 * its key, so Temporal's retries and replays never send a second email or write a second record.
 */
@ActivityInterface
public interface SubmissionActivities {

  /**
   * Emails the submission, with a fresh portal link, to every active collaborator of the job and
   * marks the submission as awaiting feedback.
   *
   * <p>Idempotency key: {@code submission-<id>/SUBMISSION/<round>/<collaboratorId>}; a recipient
   * already sent to in this round is skipped.
   *
   * @return how many collaborators the submission went to
   */
  int sendSubmissionEmails(String submissionId, int round);

  /**
   * Stores the client's decision and the submission's new status.
   *
   * <p>Idempotency key: {@code submission-<id>/decision/<decision>}.
   */
  void recordDecision(String submissionId, ClientDecision decision);

  /**
   * Emails the recruiter who owns the submission about the client's decision.
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
}
