package com.hirepilot.workflows.submission;

/** Where a submission stands, as the client and the recruiter see it. */
public enum SubmissionStatus {
  SENDING,
  AWAITING_FEEDBACK,
  INTERVIEW_REQUESTED,
  APPROVED,
  REJECTED,
  WITHDRAWN;

  /** A final status closes the lifecycle: no later decision can change it. */
  public boolean isFinal() {
    return this == APPROVED || this == REJECTED || this == WITHDRAWN;
  }
}
