package com.hirepilot.app.notification;

import com.hirepilot.app.system.HealthSignals;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.workflows.email.Deliveries;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Hands email to the configured SMTP relay, once per delivery, and keeps each delivery's record
 * true: {@code QUEUED}, {@code RETRYING} with the attempt and its error, then {@code SENT} or
 * {@code FAILED}. Retries are Temporal's; this class makes one attempt per call.
 *
 * <p>Every message carries its delivery's ID to SendGrid ({@code X-SMTPAPI} unique argument {@code
 * hp_delivery}), a {@code Message-ID} that stays the same on every attempt, and, when it is about a
 * submission, a {@code References} header shared by all of that submission's emails so mail
 * programs show them as one conversation.
 */
@Service
public class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final JavaMailSender sender;
  private final EmailDeliveries deliveries;
  private final AddressFlags flags;
  private final ObjectProvider<EmailComposer> composers;
  private final PortalProperties properties;
  private final HealthSignals health;
  private final Clock clock;
  private final MeterRegistry metrics;

  Mailer(
      JavaMailSender sender,
      EmailDeliveries deliveries,
      AddressFlags flags,
      ObjectProvider<EmailComposer> composers,
      PortalProperties properties,
      HealthSignals health,
      Clock clock,
      MeterRegistry metrics) {
    this.sender = sender;
    this.deliveries = deliveries;
    this.flags = flags;
    this.composers = composers;
    this.properties = properties;
    this.health = health;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * How long an attempt holds its delivery: longer than the SMTP client's connect, read and write
   * timeouts together, so a live attempt is never overtaken.
   */
  static final java.time.Duration ATTEMPT_LEASE = java.time.Duration.ofMinutes(2);

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
    return deliveries.queue(recipe, clock.instant());
  }

  /**
   * Makes one attempt to hand the delivery's message to the relay.
   *
   * @throws MailException when the relay refuses or cannot be reached; the caller decides whether
   *     another attempt comes ({@link #attemptFailed}) or not ({@link #gaveUp})
   * @throws IllegalArgumentException when there is no such delivery
   */
  public Outcome attempt(String deliveryId) {
    QueuedEmail queued =
        deliveries
            .queued(deliveryId)
            .orElseThrow(() -> new IllegalArgumentException("No delivery " + deliveryId));
    if (!EmailDeliveries.UNSENT.contains(queued.status())) {
      return Outcome.ALREADY_SETTLED;
    }
    EmailRecipe recipe = queued.recipe();
    var flag = flags.find(recipe.workspaceId(), recipe.recipient());
    if (flag.isPresent()) {
      deliveries.failed(
          deliveryId,
          "Not sent: the address "
              + flag.get().describe()
              + ". Confirm or correct it, then send again.",
          clock.instant());
      return Outcome.ADDRESS_FLAGGED;
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
      deliveries.cancelled(deliveryId, e.getMessage(), clock.instant());
      return Outcome.CANCELLED;
    }
    String messageId = queued.messageId() != null ? queued.messageId() : messageId(deliveryId);
    if (!deliveries.claim(deliveryId, email.subject(), messageId, clock.instant(), ATTEMPT_LEASE)) {
      throw new AttemptUnderWay(deliveryId);
    }
    hand(deliveryId, messageId, email);
    Instant now = clock.instant();
    deliveries.sent(deliveryId, now);
    composer.sent(recipe, now);
    return Outcome.SENT;
  }

  /** The attempt failed and another comes at {@code nextAttemptAt}. */
  public void attemptFailed(String deliveryId, int attempt, String error, Instant nextAttemptAt) {
    deliveries.retrying(deliveryId, attempt, error, nextAttemptAt, clock.instant());
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
            deliveryId, attempt, describe(e), clock.instant().plus(Deliveries.delayAfter(attempt)));
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The most specific message behind the failure: "Connection refused", "550 5.1.1 …". */
  public static String describe(Throwable e) {
    String message = e.getMessage();
    for (Throwable cause : causes(e)) {
      if (cause != e && cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message.strip();
  }

  /** No attempt comes any more: the delivery is {@code FAILED} for the console and support. */
  public void gaveUp(String deliveryId, String reason) {
    deliveries.failed(deliveryId, reason, clock.instant());
  }

  /**
   * Whether the relay refused the message for good: it rejected the recipient's address, which
   * another attempt would not change. Anything else (a refused connection, a timeout, a 4xx) is
   * worth another attempt.
   */
  public static boolean isPermanent(MailException e) {
    for (Throwable cause : causes(e)) {
      if (cause instanceof SendFailedException failed
          && failed.getInvalidAddresses() != null
          && failed.getInvalidAddresses().length > 0) {
        return true;
      }
      if (cause instanceof AddressException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every exception behind a mail failure: the cause chains, and the per-message exceptions Spring
   * keeps beside them ({@link MailSendException#getMessageExceptions()}), where the SMTP server's
   * own words ("550 5.1.1 …") are.
   */
  private static List<Throwable> causes(Throwable e) {
    List<Throwable> found = new java.util.ArrayList<>();
    java.util.ArrayDeque<Throwable> toVisit = new java.util.ArrayDeque<>(List.of(e));
    while (!toVisit.isEmpty() && found.size() < 32) {
      Throwable next = toVisit.poll();
      if (next == null || found.contains(next)) {
        continue;
      }
      found.add(next);
      if (next.getCause() != null) {
        toVisit.add(next.getCause());
      }
      if (next instanceof MailSendException send) {
        toVisit.addAll(List.of(send.getMessageExceptions()));
      }
      if (next instanceof jakarta.mail.MessagingException messaging
          && messaging.getNextException() != null) {
        toVisit.add(messaging.getNextException());
      }
    }
    return found;
  }

  /** Whether an email under this key has already left (or been settled otherwise). */
  public boolean alreadySent(String idempotencyKey) {
    return deliveries
        .find(idempotencyKey)
        .map(
            d ->
                !EmailDeliveries.UNSENT.contains(d.status())
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
        deliveries.queue(
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
    String messageId = messageId(deliveryId);
    if (!deliveries.claim(deliveryId, email.subject(), messageId, clock.instant(), ATTEMPT_LEASE)) {
      throw new AttemptUnderWay(deliveryId);
    }
    try {
      hand(deliveryId, messageId, email);
    } catch (MailException e) {
      deliveries.failed(deliveryId, describe(e), clock.instant());
      throw e;
    }
    deliveries.sent(deliveryId, clock.instant());
    return true;
  }

  private void hand(String deliveryId, String messageId, OutgoingEmail email) {
    try {
      sender.send(toMime(deliveryId, messageId, email));
    } catch (MailException e) {
      health.failed(HealthSignals.Signal.EMAIL_FAILURES);
      count(email, "failed");
      log.warn("Email {} ({}) attempt failed: {}", deliveryId, email.kind(), e.getMessage());
      throw e;
    }
    health.succeeded(HealthSignals.Signal.EMAIL_FAILURES);
    count(email, "sent");
    // The delivery ID names the record; the address and the body (a link) stay out of the log.
    log.info("Sent {} email {}", email.kind(), deliveryId);
  }

  /** {@code hirepilot_emails_total}: each send attempt, by kind and whether the relay took it. */
  private void count(OutgoingEmail email, String outcome) {
    metrics
        .counter("hirepilot.emails", "kind", email.kind().name(), "outcome", outcome)
        .increment();
  }

  /** {@code <delivery-id@sender-domain>}: unique, and the same on every attempt. */
  private String messageId(String deliveryId) {
    return "<" + deliveryId + "@" + senderDomain() + ">";
  }

  private String senderDomain() {
    String from = properties.mail().from();
    int at = from.lastIndexOf('@');
    String domain = at < 0 ? "localhost" : from.substring(at + 1).replace(">", "").trim();
    return domain.isEmpty() ? "localhost" : domain;
  }

  private MimeMessage toMime(String deliveryId, String messageId, OutgoingEmail email) {
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper =
          new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.mail().from());
      helper.setTo(email.to());
      if (email.replyTo() != null) {
        helper.setReplyTo(new InternetAddress(email.replyTo()));
      }
      helper.setSubject(email.subject());
      helper.setText(email.text(), email.html());
      message.setHeader("Message-ID", messageId);
      // SendGrid's SMTP API: its events for this message come back carrying hp_delivery.
      message.setHeader("X-SMTPAPI", "{\"unique_args\":{\"hp_delivery\":\"" + deliveryId + "\"}}");
      if (email.submissionId() != null) {
        String thread = "<submission-" + email.submissionId() + "@" + senderDomain() + ">";
        message.setHeader("References", thread);
        message.setHeader("In-Reply-To", thread);
      }
    } catch (MessagingException e) {
      throw new IllegalArgumentException("Cannot build email " + email.subject(), e);
    }
    return message;
  }
}
