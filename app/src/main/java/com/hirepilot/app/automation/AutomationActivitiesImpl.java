package com.hirepilot.app.automation;

import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.workflows.automation.AutomationActivities;
import com.hirepilot.workflows.automation.AutomationRunWorkflowImpl;
import com.hirepilot.workflows.submission.AutomationTrigger;
import com.hirepilot.workflows.submission.SubmissionEventType;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The steps of a rule's run. Each action's attempts and last error are recorded as they happen, so
 * the run log shows a receiver that keeps failing while Temporal still retries it.
 */
@Component
class AutomationActivitiesImpl implements AutomationActivities {

  private static final int ERROR_LENGTH = 1000;

  private final AutomationRuns runs;
  private final AutomationRules rules;
  private final SubmissionFacts submissions;
  private final ObjectProvider<ActionPerformer> performerBeans;
  private final Clock clock;
  private final JobActivityLog activityLog;

  AutomationActivitiesImpl(
      AutomationRuns runs,
      AutomationRules rules,
      SubmissionFacts submissions,
      ObjectProvider<ActionPerformer> performerBeans,
      Clock clock,
      JobActivityLog activityLog) {
    this.activityLog = activityLog;
    this.runs = runs;
    this.rules = rules;
    this.submissions = submissions;
    this.performerBeans = performerBeans;
    this.clock = clock;
  }

  @Override
  public void perform(String runId, int actionIndex) {
    AutomationRuns.Run run = runs.run(runId).orElseThrow(() -> permanent("No run " + runId));
    AutomationRuns.ActionRecord record =
        runs.action(runId, actionIndex)
            .orElseThrow(() -> permanent("No action " + actionIndex + " in run " + runId));
    if (AutomationRuns.SUCCEEDED.equals(record.outcome())) {
      return;
    }
    // Settled FAILED by an earlier workflow of this run (restarted before it finished): it stays
    // failed, on record, rather than being attempted all over again.
    if (AutomationRuns.FAILED.equals(record.outcome())) {
      throw permanent(
          record.error() == null ? "action " + actionIndex + " did not succeed" : record.error());
    }
    runs.attempted(runId, actionIndex, clock.instant());
    ActionRun action = actionRun(run, actionIndex);
    try {
      performer(record.type()).perform(action);
    } catch (PermanentActionFailure failure) {
      runs.retryError(runId, actionIndex, clip(failure.getMessage()));
      throw permanent(failure.getMessage());
    } catch (RuntimeException failure) {
      runs.retryError(runId, actionIndex, clip(describe(failure)));
      throw failure;
    }
    runs.settle(runId, actionIndex, AutomationRuns.SUCCEEDED, null);
    noteOutbound(action);
  }

  /**
   * The in-app actions write their own job activity line; what left HirePilot (a webhook, a Slack
   * message) gets one here, once per action (its delivery ID is the line's key).
   */
  private void noteOutbound(ActionRun action) {
    SubmissionEventType type =
        switch (action.action().type()) {
          case WEBHOOK -> SubmissionEventType.AUTOMATION_WEBHOOK_SENT;
          case SLACK -> SubmissionEventType.AUTOMATION_SLACK_SENT;
          default -> null;
        };
    if (type == null || action.event().jobId() == null) {
      return;
    }
    String target = hostOf(action.action().setting("url"));
    activityLog.append(
        action.deliveryId(),
        action.event().jobId(),
        action.event().submissionId(),
        type,
        "automation",
        false,
        "Automation '"
            + action.ruleName()
            + (type == SubmissionEventType.AUTOMATION_SLACK_SENT
                ? "' posted to Slack"
                : "' sent its webhook to " + target),
        clock.instant());
  }

  private static String hostOf(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      return host == null ? "its receiver" : host;
    } catch (IllegalArgumentException e) {
      return "its receiver";
    }
  }

  @Override
  public void actionFailed(String runId, int actionIndex, String reason) {
    runs.settle(runId, actionIndex, AutomationRuns.FAILED, clip(reason));
  }

  @Override
  public String finish(String runId) {
    List<AutomationRuns.ActionRecord> actions = runs.actions(runId);
    int attempts = actions.stream().mapToInt(AutomationRuns.ActionRecord::attempts).sum();
    String error =
        actions.stream()
            .filter(a -> !AutomationRuns.SUCCEEDED.equals(a.outcome()))
            .map(a -> a.error() == null ? "action " + a.index() + " did not succeed" : a.error())
            .findFirst()
            .orElse(null);
    String outcome = error == null ? AutomationRuns.SUCCEEDED : AutomationRuns.FAILED;
    runs.finish(runId, outcome, attempts, error, clock.instant());
    return outcome;
  }

  private ActionRun actionRun(AutomationRuns.Run run, int index) {
    AutomationRule rule =
        rules.byId(run.ruleId()).orElseThrow(() -> permanent("The run's rule is gone"));
    if (index >= rule.actions().size()) {
      throw permanent("The rule has no action " + index);
    }
    SubmissionFacts.Facts facts =
        run.submissionId() == null ? null : submissions.of(run.submissionId()).orElse(null);
    LifecycleEventOccurred event =
        new LifecycleEventOccurred(
            run.eventKey(),
            AutomationTrigger.valueOf(run.trigger()),
            run.workspaceId(),
            run.jobId(),
            run.submissionId(),
            facts == null ? null : facts.candidateId(),
            run.at());
    return new ActionRun(
        run.id(),
        index,
        "automation-run-" + run.id() + "/" + index,
        rule.id(),
        rule.name(),
        rule.actions().get(index),
        event,
        facts == null ? null : facts.decision(),
        facts == null ? null : facts.reason());
  }

  /** Looked up on each attempt (a cheap read of the context), so the performers may change. */
  private ActionPerformer performer(String type) {
    ActionType wanted = ActionType.valueOf(type);
    return performerBeans
        .orderedStream()
        .filter(p -> p.type() == wanted)
        .findFirst()
        .orElseThrow(
            () ->
                new PermanentActionFailure(
                    "No performer for " + type + " actions in this version"));
  }

  private static ApplicationFailure permanent(String message) {
    return ApplicationFailure.newNonRetryableFailure(
        message, AutomationRunWorkflowImpl.PERMANENT_FAILURE);
  }

  private static String describe(RuntimeException failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  private static String clip(String text) {
    return text == null || text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
  }
}
