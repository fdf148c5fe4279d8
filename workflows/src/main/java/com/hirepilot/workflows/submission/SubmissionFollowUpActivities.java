package com.hirepilot.workflows.submission;

import com.hirepilot.workflows.email.QueuedEmails;
import io.temporal.activity.ActivityInterface;

/**
 * What follows a client's decision or comment once it is on record: the recruiter hears of it, the
 * pipeline, the job's activity log and the deal move, and automation rules get the event. Each
 * activity is idempotent under its key.
 */
@ActivityInterface
public interface SubmissionFollowUpActivities {

  /**
   * Tells the recruiter who owns the submission (email and in-app) about the client's decision.
   *
   * <p>Idempotency key: {@code submission-<id>/RECRUITER_NOTIFICATION/<decision>/<recruiterId>}.
   */
  void notifyRecruiter(String submissionId, ClientDecision decision);

  /**
   * Records the recruiter's email about the decision (key as {@link #notifyRecruiter}) and posts
   * the in-app notice and the timeline line; the email is delivered by its own activity.
   */
  QueuedEmails queueRecruiterNotification(String submissionId, ClientDecision decision);

  /**
   * Passes a client's comment on to the recruiter (email and in-app).
   *
   * <p>Idempotency key: {@code submission-<id>/COMMENT/<commentId>}.
   */
  void notifyRecruiterOfComment(String submissionId, String commentId);

  /**
   * Moves the candidate's pipeline stage for the job to follow the decision.
   *
   * <p>Idempotency key: {@code submission-<id>/pipeline/<decision>}.
   *
   * @return the new stage
   */
  PipelineStage movePipelineStage(String submissionId, Decision decision);

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
   * Hands a lifecycle event to the workspace's automation rules. The workflow gives up on it after
   * a few attempts: automation must never keep a submission from settling.
   *
   * <p>Idempotency key: {@code submission-<id>/automation/<trigger>/<occurrence>}.
   *
   * @param occurrence tells repeated events of one trigger apart: the round, the comment ID
   */
  void handToAutomation(String submissionId, AutomationTrigger trigger, String occurrence);
}
