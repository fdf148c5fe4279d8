package com.hirepilot.workflows.submission;

import com.hirepilot.workflows.email.QueuedEmails;
import io.temporal.activity.ActivityInterface;

/**
 * The emails that keep a submission in front of its client: the submission email of each round, the
 * reminders, and the recruiter's alert when every reminder went unanswered. Each activity is
 * idempotent under its key, so Temporal's retries and replays never send an email twice.
 */
@ActivityInterface
public interface SubmissionEmailActivities {

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
   * reminder, and records the alert.
   *
   * <p>Idempotency key: {@code submission-<id>/NO_RESPONSE/<round>/<recruiterId>}.
   */
  void alertRecruiterNoResponse(String submissionId, int round);

  /**
   * Records the round's submission email to every active collaborator, one delivery each, under the
   * keys of {@link #sendSubmissionEmails}; nothing when a resend superseded the round.
   */
  QueuedEmails queueSubmissionEmails(String submissionId, int round);

  /**
   * Notes that the round went out (its deliveries are settled) and marks the submission as awaiting
   * feedback, unless a resend superseded the round.
   */
  void roundSent(String submissionId, int round);

  /**
   * Records the reminder to every active collaborator, one delivery each (keys as {@link
   * #sendReminders}), and that the round passed this step; nothing when the client has answered.
   */
  QueuedEmails queueReminders(String submissionId, int round, int step);

  /**
   * Records the recruiter's no-response email (key as {@link #alertRecruiterNoResponse}), posts the
   * in-app alert and the timeline and job activity lines.
   */
  QueuedEmails queueNoResponseAlert(String submissionId, int round);
}
