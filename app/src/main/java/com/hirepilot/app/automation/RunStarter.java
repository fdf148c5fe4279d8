package com.hirepilot.app.automation;

import com.hirepilot.workflows.automation.AutomationRunWorkflow;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

/**
 * Starts a run's workflow, never waiting for it; a second start of the same run is a no-op, also
 * after its workflow closed: a hand-over that read the run as RUNNING just before the workflow
 * finished it must not start a second workflow that performs its failed actions again.
 */
@Component
class RunStarter {

  private final WorkflowClient client;

  RunStarter(WorkflowClient client) {
    this.client = client;
  }

  void start(String runId, int actions) {
    AutomationRunWorkflow workflow =
        client.newWorkflowStub(
            AutomationRunWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(AutomationRunWorkflow.workflowId(runId))
                .setTaskQueue(SubmissionWorkflow.TASK_QUEUE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(workflow::run, runId, actions);
    } catch (WorkflowExecutionAlreadyStarted already) {
      // A retried hand-over of the same event: the run is under way already.
    }
  }
}
