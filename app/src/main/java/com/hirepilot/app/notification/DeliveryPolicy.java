package com.hirepilot.app.notification;

import com.hirepilot.workflows.email.QueuedEmails;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long Temporal keeps retrying a delivery before it is {@code FAILED}: long enough to ride out
 * a relay outage, short enough that a recruiter hears of it the same day.
 */
@Component
public class DeliveryPolicy {

  private final Duration giveUpAfter;

  DeliveryPolicy(@Value("${portal.mail.give-up-after:PT24H}") Duration giveUpAfter) {
    if (giveUpAfter.isNegative() || giveUpAfter.isZero()) {
      throw new IllegalArgumentException("portal.mail.give-up-after must be positive");
    }
    this.giveUpAfter = giveUpAfter;
  }

  /** The deliveries to hand to Temporal, with the time it has for each. */
  public QueuedEmails toDeliver(List<String> deliveryIds) {
    return new QueuedEmails(deliveryIds, giveUpAfter);
  }
}
