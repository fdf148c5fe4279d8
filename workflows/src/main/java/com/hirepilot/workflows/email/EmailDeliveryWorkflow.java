package com.hirepilot.workflows.email;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Delivers emails that no longer-running workflow owns: a delivery left unsent by a restart of the
 * embedded server, or a message sent outside a submission's lifecycle. Its ID is {@code
 * email-<first delivery ID>}.
 */
@WorkflowInterface
public interface EmailDeliveryWorkflow {

  String WORKFLOW_ID_PREFIX = "email-";

  /**
   * @return how many were not given up on
   */
  @WorkflowMethod
  int deliver(QueuedEmails emails);
}
