package com.hirepilot.workflows.submission;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One candidate submitted to one job: emails the job's client collaborators, waits for their
 * decision and carries out everything that follows it.
 */
@WorkflowInterface
public interface SubmissionWorkflow {

  String TASK_QUEUE = "submissions";

  /** The workflow ID is derived from the submission, so starting it twice is harmless. */
  static String workflowId(String submissionId) {
    return "submission-" + submissionId;
  }

  @WorkflowMethod
  SubmissionStatus run(SubmissionRequest request);

  /**
   * Takes the client's decision. Repeating the decision already taken answers the same receipt and
   * changes nothing.
   */
  @UpdateMethod
  DecisionReceipt decide(ClientDecision decision);

  /** Rejects a decision that conflicts with a final one already taken, before it is recorded. */
  @UpdateValidatorMethod(updateName = "decide")
  void validateDecide(ClientDecision decision);

  @QueryMethod
  SubmissionSnapshot snapshot();
}
