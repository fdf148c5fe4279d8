package com.hirepilot.app.submission;

import com.hirepilot.app.automation.ActionPerformer;
import com.hirepilot.app.automation.ActionRun;
import com.hirepilot.app.automation.ActionType;
import com.hirepilot.app.automation.PermanentActionFailure;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.workflows.submission.PipelineStage;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code MOVE_STAGE {stage}}: moves the candidate's pipeline stage for the job. It lives here, with
 * the pipeline, because the submission feature already hands its events to automation (the other
 * way round would be a cycle).
 */
@Component
class AutomatedStageMove implements ActionPerformer {

  private final SubmissionContexts contexts;
  private final PipelineStages pipeline;
  private final JobActivityLog activityLog;
  private final Clock clock;

  AutomatedStageMove(
      SubmissionContexts contexts,
      PipelineStages pipeline,
      JobActivityLog activityLog,
      Clock clock) {
    this.contexts = contexts;
    this.pipeline = pipeline;
    this.activityLog = activityLog;
    this.clock = clock;
  }

  @Override
  public ActionType type() {
    return ActionType.MOVE_STAGE;
  }

  /**
   * The activity line and the move commit together, and the line's key is the action's delivery ID:
   * a retry finds the line and moves nothing, so a stage a later step moved on is never moved back
   * by a late retry.
   */
  @Override
  @Transactional
  public void perform(ActionRun run) {
    PipelineStage stage = stage(run.action().setting("stage"));
    SubmissionContext context = contexts.load(run.event().submissionId());
    Instant now = clock.instant();
    if (activityLog.append(
        run.deliveryId(),
        context.job().id(),
        context.id(),
        SubmissionEventType.PIPELINE_UPDATED,
        "automation",
        false,
        "Automation '"
            + run.ruleName()
            + "' moved "
            + context.candidate().name()
            + " to "
            + stage.name(),
        now)) {
      pipeline.move(context.job().id(), context.candidate().id(), stage, now);
    }
  }

  /** A stage this version does not know can never be reached by retrying. */
  static PipelineStage stage(String name) {
    PipelineStage stage = name == null ? null : PipelineStage.fromStored(name.strip());
    if (stage == null) {
      throw new PermanentActionFailure(
          "unknown pipeline stage '"
              + name
              + "'; one of "
              + Arrays.toString(PipelineStage.values()));
    }
    return stage;
  }
}
