package com.hirepilot.workflows.email;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends recorded emails from workflow code: every delivery is its own activity, started together,
 * so a slow or refusing recipient never holds up the others; each is retried with backoff until it
 * is sent or {@link QueuedEmails#giveUpAfter} passes, and then recorded as failed.
 */
public final class Deliveries {

  /** The failure type of a recipient the relay refuses for good; never retried. */
  public static final String PERMANENT_FAILURE = "PermanentEmailFailure";

  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final double BACKOFF = 2.0;
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

  /**
   * Quick at first (a relay blip costs a second), then once a minute: an outage delays mail, it
   * does not lose it, until the delivery's time is up.
   */
  public static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(FIRST_RETRY)
          .setBackoffCoefficient(BACKOFF)
          .setMaximumInterval(LONGEST_WAIT)
          .setDoNotRetry(PERMANENT_FAILURE)
          .build();

  /** Recording a give-up is bookkeeping in our own database: retried until it is done. */
  private static final ActivityOptions RECORDING =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(FIRST_RETRY)
                  .setBackoffCoefficient(BACKOFF)
                  .setMaximumInterval(LONGEST_WAIT)
                  .build())
          .build();

  private Deliveries() {}

  /**
   * How long Temporal waits after the given failed attempt (from 1) before the next one: {@link
   * #RETRY}'s schedule, for the delivery record's "next attempt" time.
   */
  public static Duration delayAfter(int attempt) {
    double seconds = FIRST_RETRY.toSeconds() * Math.pow(BACKOFF, Math.max(0, attempt - 1));
    return seconds >= LONGEST_WAIT.toSeconds()
        ? LONGEST_WAIT
        : Duration.ofMillis((long) (seconds * 1000));
  }

  /**
   * Delivers each email as its own activity, all at once, and waits until every one is sent or
   * given up.
   *
   * @return how many were not given up on
   */
  public static int deliverAll(QueuedEmails queued) {
    if (queued.deliveryIds().isEmpty()) {
      return 0;
    }
    EmailDeliveryActivities attempts =
        Workflow.newActivityStub(
            EmailDeliveryActivities.class,
            ActivityOptions.newBuilder()
                // Well above the SMTP client's own connect, read and write timeouts.
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setScheduleToCloseTimeout(queued.giveUpAfter())
                .setRetryOptions(RETRY)
                .build());
    EmailDeliveryActivities records =
        Workflow.newActivityStub(EmailDeliveryActivities.class, RECORDING);
    List<Promise<Void>> sends = new ArrayList<>();
    for (String deliveryId : queued.deliveryIds()) {
      sends.add(Async.procedure(attempts::deliver, deliveryId));
    }
    int delivered = 0;
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get();
        delivered++;
      } catch (ActivityFailure failure) {
        records.giveUp(queued.deliveryIds().get(i), reason(failure, queued.giveUpAfter()));
      }
    }
    return delivered;
  }

  private static String reason(ActivityFailure failure, Duration giveUpAfter) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure application) {
      return PERMANENT_FAILURE.equals(application.getType())
          ? "The relay refused the address: " + application.getOriginalMessage()
          : "Gave up: " + application.getOriginalMessage();
    }
    if (cause instanceof TimeoutFailure) {
      return "Gave up after " + giveUpAfter.toString().substring(2).toLowerCase() + " of attempts";
    }
    return "Gave up: " + failure.getMessage();
  }
}
