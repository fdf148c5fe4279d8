package com.hirepilot.app.notification;

import com.hirepilot.app.system.TemporalConfiguration;
import com.hirepilot.app.system.TemporalProperties;
import com.hirepilot.workflows.email.EmailDeliveryWorkflow;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded Temporal server forgets its workflows on restart, and with them the deliveries they
 * were retrying. At start-up each email still {@code QUEUED} or {@code RETRYING} gets a delivery
 * workflow of its own, so an outage across a restart delays mail but never loses it. A resumed
 * submission workflow may deliver the same email too; the attempt's claim on the record lets only
 * one of them send. Against an external cluster the workflows outlive this process.
 */
@Component
class UnsentDeliveries implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(UnsentDeliveries.class);

  /** More than any workspace has waiting; the rest would be picked up at the next start. */
  private static final int LIMIT = 10_000;

  private final EmailDeliveries deliveries;
  private final DeliveryPolicy policy;
  private final WorkflowClient client;
  private final TemporalProperties temporal;
  private volatile boolean running;

  UnsentDeliveries(
      EmailDeliveries deliveries,
      DeliveryPolicy policy,
      WorkflowClient client,
      TemporalProperties temporal) {
    this.deliveries = deliveries;
    this.policy = policy;
    this.client = client;
    this.temporal = temporal;
  }

  @Override
  public int getPhase() {
    return TemporalConfiguration.WORKERS_PHASE + 1;
  }

  @Override
  public void start() {
    running = true;
    if (!temporal.embedded()) {
      return;
    }
    List<EmailDelivery> unsent = deliveries.unsent(LIMIT);
    for (EmailDelivery delivery : unsent) {
      EmailDeliveryWorkflow workflow =
          client.newWorkflowStub(
              EmailDeliveryWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(EmailDeliveryWorkflow.WORKFLOW_ID_PREFIX + delivery.id())
                  .setTaskQueue(SubmissionWorkflow.TASK_QUEUE)
                  .build());
      try {
        WorkflowClient.start(workflow::deliver, policy.toDeliver(List.of(delivery.id())));
      } catch (WorkflowExecutionAlreadyStarted already) {
        // Started by another path meanwhile: one is enough.
      }
    }
    if (!unsent.isEmpty()) {
      log.info("Handed {} unsent email(s) back to Temporal", unsent.size());
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
