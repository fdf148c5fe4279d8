package com.hirepilot.workflows.email;

/** See {@link EmailDeliveryWorkflow}: nothing but {@link Deliveries#deliverAll}. */
public class EmailDeliveryWorkflowImpl implements EmailDeliveryWorkflow {

  @Override
  public int deliver(QueuedEmails emails) {
    return Deliveries.deliverAll(emails);
  }
}
