package com.hirepilot.workflows.submission;

/** Lifecycle events handed to the workspace's automation rules. */
public enum AutomationTrigger {
  SUBMISSION_SENT,
  /**
   * A client first opened the submission in the portal; handed over by the app, not the workflow.
   */
  SUBMISSION_VIEWED,
  COMMENTED,
  INTERVIEW_REQUESTED,
  APPROVED,
  REJECTED,
  WITHDRAWN,
  NO_RESPONSE;

  static AutomationTrigger of(Decision decision) {
    return switch (decision) {
      case APPROVE -> APPROVED;
      case REJECT -> REJECTED;
      case REQUEST_INTERVIEW -> INTERVIEW_REQUESTED;
    };
  }
}
