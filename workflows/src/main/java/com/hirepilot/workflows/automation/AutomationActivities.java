package com.hirepilot.workflows.automation;

import io.temporal.activity.ActivityInterface;

/** The steps of {@link AutomationRunWorkflow}. */
@ActivityInterface
public interface AutomationActivities {

  /**
   * Performs one action of the run, once: an action already performed does nothing again. Each
   * attempt is counted on the action's record; a failure is thrown for Temporal to retry.
   *
   * <p>Idempotency key: {@code automation-run-<runId>/<actionIndex>} (a webhook's {@code
   * X-HirePilot-Delivery}).
   */
  void perform(String runId, int actionIndex);

  /** Temporal gave up on the action: recorded as FAILED with the last error. */
  void actionFailed(String runId, int actionIndex, String reason);

  /** Every action is settled: the run's outcome is recorded. */
  String finish(String runId);
}
