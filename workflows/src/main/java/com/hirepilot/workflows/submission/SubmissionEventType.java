package com.hirepilot.workflows.submission;

/**
 * What can happen to a submission: the {@code type} of its timeline entries and of the job activity
 * lines about it. The names are what the database stores and the API shows, so they never change; a
 * new kind of event is a new constant.
 */
public enum SubmissionEventType {
  SUBMITTED,
  EMAIL_SENT,
  REMINDER_SENT,
  RECRUITER_ALERTED_NO_RESPONSE,
  COMMENTED,
  INTERVIEW_REQUESTED,
  APPROVED,
  REJECTED,
  RECRUITER_NOTIFIED,
  PIPELINE_UPDATED,
  DEAL_UPDATED,
  RESENT,
  WITHDRAWN,
  /** Only in a workflow run's own timeline: the run took over from the progress on record. */
  RESUMED,
  /** Support or a recruiter emailed a collaborator a fresh sign-in link (job activity only). */
  ACCESS_LINK_SENT,
  /** A support ticket was opened about the job (job activity only). */
  ESCALATED,
  /**
   * A recruiter vouched for a collaborator's address that bounced, was dropped or reported as spam,
   * so mail may go to it again (job activity only).
   */
  ADDRESS_CONFIRMED,
  /** A recruiter moved a collaborator to a new address (job activity only). */
  ADDRESS_CORRECTED,
  /** An automation rule gave the submitting recruiter a follow-up task (job activity only). */
  TASK_CREATED,
  /** An automation rule queued an email to a recruiter or a team (job activity only). */
  AUTOMATION_EMAIL_QUEUED,
  /** An automation rule's webhook was answered 2xx by its receiver (job activity only). */
  AUTOMATION_WEBHOOK_SENT,
  /** An automation rule's Slack message was accepted by Slack (job activity only). */
  AUTOMATION_SLACK_SENT;

  /** The event a decision is recorded as. */
  public static SubmissionEventType of(Decision decision) {
    return switch (decision) {
      case APPROVE -> APPROVED;
      case REJECT -> REJECTED;
      case REQUEST_INTERVIEW -> INTERVIEW_REQUESTED;
    };
  }
}
