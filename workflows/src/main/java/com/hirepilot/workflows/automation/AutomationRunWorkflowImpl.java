package com.hirepilot.workflows.automation;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** See {@link AutomationRunWorkflow}. */
public class AutomationRunWorkflowImpl implements AutomationRunWorkflow {

  /** The failure type of an action that cannot succeed (a refused target); never retried. */
  public static final String PERMANENT_FAILURE = "PermanentActionFailure";

  /**
   * A receiver that is down gets a few minutes of backoff, then the action is FAILED and shows in
   * the run log; the rule's other actions and every other rule go on.
   */
  static final RetryOptions ACTION_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(8)
          .setDoNotRetry(PERMANENT_FAILURE)
          .build();

  private final AutomationActivities attempts =
      Workflow.newActivityStub(
          AutomationActivities.class,
          ActivityOptions.newBuilder()
              // Above the outbound HTTP client's connect and read timeouts.
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(ACTION_RETRY)
              .build());

  private final AutomationActivities records =
      Workflow.newActivityStub(
          AutomationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setBackoffCoefficient(2.0)
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  @Override
  public String run(String runId, int actions) {
    for (int i = 0; i < actions; i++) {
      try {
        attempts.perform(runId, i);
      } catch (ActivityFailure failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        // An ApplicationFailure's getMessage() wraps the text in "message='…', type='…'"; the run
        // log shows what the action said.
        records.actionFailed(
            runId,
            i,
            cause instanceof ApplicationFailure application
                ? application.getOriginalMessage()
                : cause.getMessage());
      }
    }
    return records.finish(runId);
  }
}
