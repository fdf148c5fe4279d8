package com.hirepilot.app.submission;

import com.hirepilot.workflows.submission.SubmissionSnapshot;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The running workflow's own answer about a submission, for support's checks. */
@Component
public class LiveSubmissionState {

  private final SubmissionWorkflows workflows;

  LiveSubmissionState(SubmissionWorkflows workflows) {
    this.workflows = workflows;
  }

  /** The workflow's query answer while it runs; empty once settled or when it does not answer. */
  public Optional<SubmissionSnapshot> of(SubmissionSummary summary) {
    return summary.settledAt() == null
        ? workflows.liveState(summary.workflowId())
        : Optional.empty();
  }
}
