package com.hirepilot.workflows.submission;

/** What a client can decide about a submitted candidate. */
public enum Decision {
  APPROVE(SubmissionStatus.APPROVED),
  REJECT(SubmissionStatus.REJECTED),
  REQUEST_INTERVIEW(SubmissionStatus.INTERVIEW_REQUESTED);

  private final SubmissionStatus resultingStatus;

  Decision(SubmissionStatus resultingStatus) {
    this.resultingStatus = resultingStatus;
  }

  public SubmissionStatus resultingStatus() {
    return resultingStatus;
  }

  public boolean isFinal() {
    return resultingStatus.isFinal();
  }
}
