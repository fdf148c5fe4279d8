package com.hirepilot.app.notification;

import com.hirepilot.app.system.PortalProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends email through the configured SMTP server, once per idempotency key. A retried sender finds
 * the earlier delivery and sends nothing.
 */
@Service
public class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final JavaMailSender sender;
  private final EmailDeliveries deliveries;
  private final PortalProperties properties;
  private final Clock clock;
  private final MeterRegistry metrics;

  Mailer(
      JavaMailSender sender,
      EmailDeliveries deliveries,
      PortalProperties properties,
      Clock clock,
      MeterRegistry metrics) {
    this.sender = sender;
    this.deliveries = deliveries;
    this.properties = properties;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Whether an email under this key already went out. */
  public boolean alreadySent(String idempotencyKey) {
    return deliveries
        .find(idempotencyKey)
        .map(d -> d.status() == EmailDelivery.Status.SENT)
        .orElse(false);
  }

  /**
   * Sends the email the supplier builds, unless one under this key was already sent. The email is
   * built only when it will be sent, so a sign-in link is never issued for a skipped email.
   *
   * @return whether it was sent now
   * @throws MailException when the SMTP server refuses or cannot be reached; the delivery record
   *     says so and a retry sends it
   */
  public boolean sendOnce(String idempotencyKey, Supplier<OutgoingEmail> build) {
    if (alreadySent(idempotencyKey)) {
      return false;
    }
    OutgoingEmail email = build.get();
    deliveries.begin(idempotencyKey, email, clock.instant());
    try {
      sender.send(toMime(email));
    } catch (MailException e) {
      deliveries.failed(idempotencyKey, e.getMessage());
      count(email, "failed");
      log.warn("Email {} to {} failed: {}", idempotencyKey, email.to(), e.getMessage());
      throw e;
    }
    deliveries.sent(idempotencyKey, clock.instant());
    count(email, "sent");
    // The key names the email's step and IDs; the address and the body (a link) stay out.
    log.info("Sent {} email {}", email.kind(), idempotencyKey);
    return true;
  }

  /** {@code hirepilot_emails_total}: each send attempt, by kind and whether the relay took it. */
  private void count(OutgoingEmail email, String outcome) {
    metrics
        .counter("hirepilot.emails", "kind", email.kind().name(), "outcome", outcome)
        .increment();
  }

  private MimeMessage toMime(OutgoingEmail email) {
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper =
          new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.mail().from());
      helper.setTo(email.to());
      helper.setSubject(email.subject());
      helper.setText(email.text(), email.html());
    } catch (MessagingException e) {
      throw new IllegalArgumentException("Cannot build email " + email.subject(), e);
    }
    return message;
  }
}
