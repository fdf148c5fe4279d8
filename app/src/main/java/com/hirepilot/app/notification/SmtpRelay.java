package com.hirepilot.app.notification;

import com.hirepilot.app.system.HealthSignals;
import com.hirepilot.app.system.PortalProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Builds a delivery's message and hands it to the configured SMTP relay, counting each hand-off in
 * the email health signal and the {@code hirepilot_emails_total} metric.
 *
 * <p>Every message carries its delivery's ID to SendGrid ({@code X-SMTPAPI} unique argument {@code
 * hp_delivery}), a {@code Message-ID} that stays the same on every attempt, and, when it is about a
 * submission, a {@code References} header shared by all of that submission's emails so mail
 * programs show them as one conversation.
 */
@Component
class SmtpRelay {

  // Under the Mailer's name, where searches for sent and failed emails have always looked.
  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  /*
   * Jakarta Mail 2.1 finds its stream provider anew for every multipart, header decode and
   * encoder, through a ServiceLoader scan of the class path (jakartaee/mail-api#699, #861): in the
   * packaged app, with 180 nested jars, that was an eighth of a delivery's CPU. Naming the provider
   * makes it a class-by-name load, which the class loader caches. Angus Mail is the implementation
   * Spring Boot ships; an operator's own setting is kept.
   */
  static {
    System.getProperties()
        .putIfAbsent(
            "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  private final JavaMailSender sender;
  private final PortalProperties properties;
  private final HealthSignals health;
  private final MeterRegistry metrics;

  SmtpRelay(
      JavaMailSender sender,
      PortalProperties properties,
      HealthSignals health,
      MeterRegistry metrics) {
    this.sender = sender;
    this.properties = properties;
    this.health = health;
    this.metrics = metrics;
  }

  /**
   * Hands the message to the relay once.
   *
   * @throws MailException when the relay refuses or cannot be reached
   */
  void hand(String deliveryId, String messageId, OutgoingEmail email) {
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
  String messageId(String deliveryId) {
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
