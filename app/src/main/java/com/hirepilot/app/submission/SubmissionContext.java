package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.workspace.Recruiter;

/** A submission with the job, candidate and recruiter its activities write and email about. */
record SubmissionContext(Submission submission, Job job, Candidate candidate, Recruiter recruiter) {

  String id() {
    return submission.id();
  }
}
