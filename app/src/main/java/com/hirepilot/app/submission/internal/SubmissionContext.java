package com.hirepilot.app.submission.internal;

import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.submission.Submission;
import com.hirepilot.app.workspace.Recruiter;

/** A submission with the job, candidate and recruiter its activities write and email about. */
public record SubmissionContext(
    Submission submission, Job job, Candidate candidate, Recruiter recruiter) {

  public String id() {
    return submission.id();
  }
}
