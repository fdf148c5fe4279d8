package com.hirepilot.workflows.email;

import java.time.Duration;
import java.util.List;

/**
 * The deliveries a step recorded, to be sent one activity each.
 *
 * @param deliveryIds one per message and recipient; empty when there is nothing to send
 * @param giveUpAfter how long Temporal keeps retrying a delivery before it is {@code FAILED}
 */
public record QueuedEmails(List<String> deliveryIds, Duration giveUpAfter) {

  public QueuedEmails {
    deliveryIds = deliveryIds == null ? List.of() : List.copyOf(deliveryIds);
  }

  public static QueuedEmails none() {
    return new QueuedEmails(List.of(), Duration.ofHours(24));
  }

  public int count() {
    return deliveryIds.size();
  }
}
