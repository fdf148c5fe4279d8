package com.hirepilot.app.notification;

import com.hirepilot.workflows.email.Deliveries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends email once per delivery and keeps each delivery's record true: {@code QUEUED}, {@code
 * RETRYING} with the attempt and its error, then {@code SENT} or {@code FAILED}. Retries are
 * Temporal's; this class makes one attempt per call. The message itself is built and handed to the
 * relay by the {@link SmtpRelay}.
 */
@Service
public class Mailer {

  private final SmtpRelay relay;
  private final EmailDeliveries deliveries;
  private final DeliveryStatuses statuses;
  private final AddressFlags flags;
  private final ObjectProvider<EmailComposer> composers;
  private final Clock clock;
  private final TransactionTemplate transaction;

  Mailer(
      SmtpRelay relay,
      EmailDeliveries deliveries,
      DeliveryStatuses statuses,
      AddressFlags flags,
      ObjectProvider<EmailComposer> composers,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.relay = relay;
    this.deliveries = deliveries;
    this.statuses = statuses;
    this.flags = flags;
    this.composers = composers;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * How long an attempt holds its delivery: longer than the SMTP client's connect, read and write
   * timeouts together, so a live attempt is never overtaken.
   */
  static final Duration ATTEMPT_LEASE = Duration.ofMinutes(2);

  /** Another attempt at the same delivery is under way; this one should come back later. */
  public static final class AttemptUnderWay extends MailException {
    AttemptUnderWay(String deliveryId) {
      super("Another attempt at delivery " + deliveryId + " is under way");
    }
  }

  /** What one attempt came to. */
  public enum Outcome {
    /** The relay accepted the message now. */
    SENT,
    /** An earlier attempt already settled it: sent, failed for good or cancelled. */
    ALREADY_SETTLED,
    /** The address is flagged; the delivery is {@code FAILED} until a recruiter confirms it. */
    ADDRESS_FLAGGED,
    /** The sender no longer wants it (the submission moved on); nothing was sent. */
    CANCELLED
  }

  /**
   * Records an email to send, unless its key already has a record; the message is built at each
   * attempt by the {@link EmailComposer} of its kind.
   *
   * @return the delivery's ID
   */
  public String queue(EmailRecipe recipe) {
    return statuses.queue(recipe, clock.instant());
  }

  /**
   * Makes one attempt to hand the delivery's message to the relay.
   *
   * @throws MailException when the relay refuses or cannot be reached; the caller decides whether
   *     another attempt comes ({@link #attemptFailed}) or not ({@link #gaveUp})
   * @throws IllegalArgumentException when there is no such delivery
   */
  public Outcome attempt(String deliveryId) {
    Claimed claimed = transaction.execute(tx -> claim(deliveryId));
    if (claimed.settled() != null) {
      return claimed.settled();
    }
    relay.hand(deliveryId, claimed.messageId(), claimed.email());
    Instant now = clock.instant();
    statuses.sent(deliveryId, now);
    claimed.composer().sent(claimed.recipe(), now);
    return Outcome.SENT;
  }

  /**
   * What an attempt holds once it may send: the message, its lasting {@code Message-ID}, and who
   * built it. Or, when it may not, how the delivery was settled instead.
   */
  private record Claimed(
      Outcome settled,
      EmailComposer composer,
      EmailRecipe recipe,
      OutgoingEmail email,
      String messageId) {

    static Claimed settled(Outcome outcome) {
      return new Claimed(outcome, null, null, null, null);
    }
  }

  /**
   * Reads the delivery, builds its message and claims it, in one transaction. Building may issue a
   * sign-in link; an attempt refused its claim (another is under way) rolls back, so it leaves no
   * link behind and does not replace the link of the message the other attempt is sending. One
   * commit and one connection instead of one each per step.
   */
  private Claimed claim(String deliveryId) {
    QueuedEmail queued =
        deliveries
            .queued(deliveryId)
            .orElseThrow(() -> new IllegalArgumentException("No delivery " + deliveryId));
    if (!DeliveryStatuses.UNSENT.contains(queued.status())) {
      return Claimed.settled(Outcome.ALREADY_SETTLED);
    }
    EmailRecipe recipe = queued.recipe();
    var flag = flags.find(recipe.workspaceId(), recipe.recipient());
    if (flag.isPresent()) {
      statuses.failed(
          deliveryId,
          "Not sent: the address "
              + flag.get().describe()
              + ". Confirm or correct it, then send again.",
          clock.instant());
      return Claimed.settled(Outcome.ADDRESS_FLAGGED);
    }
    EmailComposer composer =
        composers
            .orderedStream()
            .filter(c -> c.kinds().contains(recipe.kind()))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("No composer for " + recipe.kind() + " emails"));
    OutgoingEmail email;
    try {
      email = composer.compose(recipe);
    } catch (EmailComposer.NothingToSend e) {
      statuses.cancelled(deliveryId, e.getMessage(), clock.instant());
      return Claimed.settled(Outcome.CANCELLED);
    }
    String messageId =
        queued.messageId() != null ? queued.messageId() : relay.messageId(deliveryId);
    if (!statuses.claim(deliveryId, email.subject(), messageId, clock.instant(), ATTEMPT_LEASE)) {
      throw new AttemptUnderWay(deliveryId);
    }
    return new Claimed(null, composer, recipe, email, messageId);
  }

  /** The attempt failed and another comes at {@code nextAttemptAt}. */
  public void attemptFailed(String deliveryId, int attempt, String error, Instant nextAttemptAt) {
    statuses.retrying(deliveryId, attempt, error, nextAttemptAt, clock.instant());
  }

  /**
   * Attempts each delivery in this thread, one after the other: for activities from before each
   * delivery had an activity of its own. Every failure is recorded; the first is thrown after all
   * were tried, so the activity's retry comes back for those left.
   */
  public void attemptAll(List<String> deliveryIds, int attempt) {
    MailException first = null;
    for (String deliveryId : deliveryIds) {
      try {
        attempt(deliveryId);
      } catch (AttemptUnderWay e) {
        first = first == null ? e : first; // the other attempt reports; this one comes back later
      } catch (MailException e) {
        attemptFailed(
            deliveryId,
            attempt,
            MailFailures.describe(e),
            clock.instant().plus(Deliveries.delayAfter(attempt)));
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** No attempt comes any more: the delivery is {@code FAILED} for the console and support. */
  public void gaveUp(String deliveryId, String reason) {
    statuses.failed(deliveryId, reason, clock.instant());
  }

  /** Whether an email under this key has already left (or been settled otherwise). */
  public boolean alreadySent(String idempotencyKey) {
    return deliveries
        .find(idempotencyKey)
        .map(
            d ->
                !DeliveryStatuses.UNSENT.contains(d.status())
                    && d.status() != EmailDelivery.Status.FAILED)
        .orElse(false);
  }

  /**
   * Sends the email the supplier builds at once, in the caller's thread, unless one under this key
   * already left. For emails a person is waiting for on the page (a sign-in link, a support
   * ticket): the caller shows the error and the person tries again. The email is built only when it
   * will be sent, so a sign-in link is never issued for a skipped email.
   *
   * @return whether it was sent now
   * @throws MailException when the relay refuses or cannot be reached; the record says FAILED and
   *     the same key may be sent again
   */
  public boolean sendOnce(String idempotencyKey, Supplier<OutgoingEmail> build) {
    if (alreadySent(idempotencyKey)) {
      return false;
    }
    OutgoingEmail email = build.get();
    String deliveryId =
        statuses.queue(
            new EmailRecipe(
                idempotencyKey,
                email.workspaceId(),
                email.submissionId(),
                email.kind(),
                email.to(),
                null,
                email.subject(),
                Map.of()),
            clock.instant());
    String messageId = relay.messageId(deliveryId);
    if (!statuses.claim(deliveryId, email.subject(), messageId, clock.instant(), ATTEMPT_LEASE)) {
      throw new AttemptUnderWay(deliveryId);
    }
    try {
      relay.hand(deliveryId, messageId, email);
    } catch (MailException e) {
      statuses.failed(deliveryId, MailFailures.describe(e), clock.instant());
      throw e;
    }
    statuses.sent(deliveryId, clock.instant());
    return true;
  }
}
