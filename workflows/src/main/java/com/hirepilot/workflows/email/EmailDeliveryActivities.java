package com.hirepilot.workflows.email;

import io.temporal.activity.ActivityInterface;

/** Delivering one recorded email; see {@link Deliveries} for how workflows use it. */
@ActivityInterface
public interface EmailDeliveryActivities {

  /**
   * Makes one attempt to hand the delivery's message to the SMTP relay. A failed attempt is
   * recorded as {@code RETRYING} (with the next attempt's time) and thrown, so Temporal retries it;
   * a recipient the relay refuses for good fails with a non-retryable {@link
   * Deliveries#PERMANENT_FAILURE}. A delivery already settled (sent, cancelled) does nothing, so a
   * retry or a replay never sends a message twice.
   */
  void deliver(String deliveryId);

  /**
   * Temporal gave up on the delivery: it is recorded as {@code FAILED} and the recruiter alerted.
   */
  void giveUp(String deliveryId, String reason);
}
