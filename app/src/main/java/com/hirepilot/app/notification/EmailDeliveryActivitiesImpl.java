package com.hirepilot.app.notification;

import com.hirepilot.workflows.email.Deliveries;
import com.hirepilot.workflows.email.EmailDeliveryActivities;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * One attempt per activity execution. Temporal owns the retries ({@link Deliveries#RETRY}); this
 * class makes sure the record says what is going on between them.
 */
@Component
class EmailDeliveryActivitiesImpl implements EmailDeliveryActivities {

  /** Attempts 1 to 3 come within about 3 seconds of the first: far longer than any commit. */
  static final int ATTEMPTS_WHILE_COMMITTING = 3;

  static final String NOT_COMMITTED_YET = "DeliveryNotCommittedYet";

  private final Mailer mailer;
  private final EmailDeliveries deliveries;
  private final Clock clock;

  EmailDeliveryActivitiesImpl(Mailer mailer, EmailDeliveries deliveries, Clock clock) {
    this.mailer = mailer;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  @Override
  public void deliver(String deliveryId) {
    try {
      mailer.attempt(deliveryId);
    } catch (IllegalArgumentException e) {
      // A submission's first deliveries are recorded in the transaction that starts its workflow,
      // so the first attempts may come a moment before it commits: those are retried. Past that,
      // the record does not exist and never will.
      if (Activity.getExecutionContext().getInfo().getAttempt() <= ATTEMPTS_WHILE_COMMITTING) {
        throw ApplicationFailure.newFailure(e.getMessage(), NOT_COMMITTED_YET);
      }
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "NoSuchDelivery");
    } catch (Mailer.AttemptUnderWay e) {
      // Not a failure of this message: the attempt under way reports it. Come back later.
      throw ApplicationFailure.newFailure(e.getMessage(), "AttemptUnderWay");
    } catch (MailException e) {
      String error = MailFailures.describe(e);
      if (MailFailures.isPermanent(e)) {
        throw ApplicationFailure.newNonRetryableFailure(error, Deliveries.PERMANENT_FAILURE);
      }
      int attempt = Activity.getExecutionContext().getInfo().getAttempt();
      mailer.attemptFailed(
          deliveryId, attempt, error, clock.instant().plus(Deliveries.delayAfter(attempt)));
      throw ApplicationFailure.newFailureWithCause(error, "EmailAttemptFailed", e);
    }
  }

  @Override
  public void giveUp(String deliveryId, String reason) {
    String lastError = deliveries.byId(deliveryId).map(EmailDelivery::error).orElse(null);
    mailer.gaveUp(
        deliveryId,
        lastError == null || reason.contains(lastError)
            ? reason
            : reason + " (last error: " + lastError + ")");
  }
}
