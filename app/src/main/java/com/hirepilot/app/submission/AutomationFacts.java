package com.hirepilot.app.submission;

import com.hirepilot.app.automation.SubmissionFacts;
import com.hirepilot.workflows.submission.PipelineStage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What automation rules read about a submission: its client's decision and the pipeline stage. */
@Component
class AutomationFacts implements SubmissionFacts {

  private final Submissions submissions;
  private final PipelineStages pipeline;

  AutomationFacts(Submissions submissions, PipelineStages pipeline) {
    this.submissions = submissions;
    this.pipeline = pipeline;
  }

  @Override
  public Optional<Facts> of(String submissionId) {
    return submissions
        .findById(submissionId)
        .map(
            s ->
                new Facts(
                    s.workspaceId(),
                    s.jobId(),
                    s.candidateId(),
                    s.decision() == null ? null : s.decision().name(),
                    s.decisionReason(),
                    pipeline
                        .stageOf(s.jobId(), s.candidateId())
                        .map(PipelineStage::name)
                        .orElse(null)));
  }
}
