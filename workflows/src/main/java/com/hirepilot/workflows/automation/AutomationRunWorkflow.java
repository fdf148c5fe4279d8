package com.hirepilot.workflows.automation;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runs one rule for one lifecycle event: its actions one after the other, in the rule's order, each
 * retried on its own. A failed action is recorded and the next one still runs. The run is started
 * by the application, never as a child of the submission's workflow, so the submission's own
 * lifecycle never waits for it.
 *
 * <p>Workflow ID {@code automation-run-<runId>}; task queue {@code submissions}.
 */
@WorkflowInterface
public interface AutomationRunWorkflow {

  static String workflowId(String runId) {
    return "automation-run-" + runId;
  }

  /**
   * @param actions how many actions the rule had when the run was recorded
   * @return the run's outcome: SUCCEEDED, or FAILED when an action gave up
   */
  @WorkflowMethod
  String run(String runId, int actions);
}
