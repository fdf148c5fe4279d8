package com.hirepilot.app.deal;

import com.hirepilot.app.automation.ActionPerformer;
import com.hirepilot.app.automation.ActionRun;
import com.hirepilot.app.automation.ActionType;
import com.hirepilot.app.automation.PermanentActionFailure;
import com.hirepilot.app.automation.RuleAction;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@code UPDATE_DEAL {stage}}: moves the deal the event's job is connected to. */
@Component
class AutomatedDealMove implements ActionPerformer {

  private final Deals deals;
  private final JobActivityLog activityLog;
  private final Clock clock;

  AutomatedDealMove(Deals deals, JobActivityLog activityLog, Clock clock) {
    this.deals = deals;
    this.activityLog = activityLog;
    this.clock = clock;
  }

  @Override
  public ActionType type() {
    return ActionType.UPDATE_DEAL;
  }

  @Override
  public void validate(String field, RuleAction action) {
    String stage = action.setting("stage");
    if (stage == null || !DealStages.ALL.contains(stage)) {
      throw new InvalidInputException(
          field + ".stage", "must be one of " + String.join(", ", DealStages.ALL));
    }
  }

  /**
   * A job without a deal fails for good rather than succeeding silently: the run log is where a
   * recruiter looks when "the deal did not move", and it should say why. The activity line is keyed
   * by the delivery ID and commits with the move, so a retry moves nothing back.
   */
  @Override
  @Transactional
  public void perform(ActionRun run) {
    String wanted = run.action().setting("stage");
    String stage = wanted == null ? null : wanted.strip();
    if (stage == null || !DealStages.ALL.contains(stage)) {
      throw new PermanentActionFailure(
          "unknown deal stage '" + wanted + "'; one of " + DealStages.ALL);
    }
    String jobId = run.event().jobId();
    Deal deal =
        deals
            .findByJobId(jobId)
            .filter(found -> found.workspaceId().equals(run.event().workspaceId()))
            .orElseThrow(() -> new PermanentActionFailure("the job has no deal connected"));
    Instant now = clock.instant();
    if (activityLog.append(
        run.deliveryId(),
        jobId,
        run.event().submissionId(),
        SubmissionEventType.DEAL_UPDATED,
        "automation",
        false,
        "Automation '"
            + run.ruleName()
            + "' moved the deal "
            + deal.name()
            + " from "
            + deal.stage()
            + " to "
            + stage,
        now)) {
      deals.moveStage(jobId, stage, Timestamps.param(now));
    }
  }
}
