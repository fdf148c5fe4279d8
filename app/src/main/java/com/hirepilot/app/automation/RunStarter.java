package com.hirepilot.app.automation;

import com.hirepilot.workflows.automation.AutomationRunWorkflow;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

/** Starts a run's workflow, never waiting for it; a second start of the same run is a no-op. */
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
                .build());
    try {
      WorkflowClient.start(workflow::run, runId, actions);
    } catch (WorkflowExecutionAlreadyStarted already) {
      // A retried hand-over of the same event: the run is under way already.
    }
  }
}
