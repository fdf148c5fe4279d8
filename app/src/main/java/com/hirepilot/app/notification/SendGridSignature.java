package com.hirepilot.app.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * SendGrid's Signed Event Webhook: an ECDSA P-256 signature (SHA-256, DER, base64) over the
 * timestamp header's bytes followed by the raw body, checked with the JDK's own {@link Signature}
 * against the verification key from SendGrid's settings. Whoever can post to the webhook without
 * the key could otherwise mark any delivery bounced and flag any address.
 */
@Component
class SendGridSignature {

  static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
  static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

  /**
   * A signed batch older than this is refused, so a captured batch cannot be replayed later. A
   * replay inside the window changes nothing either: each event is applied once (sg_event_id).
   */
  static final Duration MAX_AGE = Duration.ofMinutes(10);

  /** Tolerated clock skew between SendGrid and this server, for a timestamp in the future. */
  static final Duration MAX_AHEAD = Duration.ofMinutes(2);

  private static final String ALGORITHM = "SHA256withECDSA";

  private final Optional<PublicKey> key;
  private final Clock clock;

  SendGridSignature(SendGridProperties properties, Clock clock) {
    this.key =
        properties.webhookEnabled()
            ? Optional.of(publicKey(properties.webhookPublicKey()))
            : Optional.empty();
    this.clock = clock;
  }

  /** Whether the webhook is on: only with a key to check its batches against. */
  boolean enabled() {
    return key.isPresent();
  }

  /**
   * Why the batch must be refused, or empty when SendGrid signed exactly these bytes within the
   * last {@link #MAX_AGE}. The reasons are for the operator setting the webhook up; none depends on
   * a secret.
   */
  Optional<String> refusal(String signature, String timestamp, byte[] body) {
    if (key.isEmpty()) {
      throw new IllegalStateException("The SendGrid webhook is off");
    }
    if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
      return Optional.of(
          "The batch is not signed: both "
              + SIGNATURE_HEADER
              + " and "
              + TIMESTAMP_HEADER
              + " are required (turn on the Signed Event Webhook in SendGrid).");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.of(TIMESTAMP_HEADER + " is not a time in seconds since 1970.");
    }
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(MAX_AGE))) {
      return Optional.of("The batch was signed more than 10 minutes ago.");
    }
    if (signedAt.isAfter(now.plus(MAX_AHEAD))) {
      return Optional.of("The batch's timestamp is in the future; check this server's clock.");
    }
    if (!verifies(signature.trim(), timestamp, body)) {
      return Optional.of(
          "The signature does not match this body and timestamp for the verification key in"
              + " SENDGRID_WEBHOOK_PUBLIC_KEY.");
    }
    return Optional.empty();
  }

  private boolean verifies(String signature, String timestamp, byte[] body) {
    try {
      byte[] der = Base64.getDecoder().decode(signature);
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key.orElseThrow());
      verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
      verifier.update(body);
      return verifier.verify(der);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // Not base64, or not a DER-encoded ECDSA signature: garbled, so not SendGrid's.
      return false;
    }
  }

  /**
   * The key as SendGrid shows it: base64 of the DER form. A PEM copy (with its BEGIN and END lines)
   * is taken too. A key that is not an EC P-256 public key stops the app at start-up rather than
   * refusing every batch later.
   */
  static PublicKey publicKey(String configured) {
    String base64 =
        configured
            .replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      PublicKey key =
          KeyFactory.getInstance("EC")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      if (!(key instanceof ECPublicKey ec)
          || ec.getParams().getCurve().getField().getFieldSize() != 256) {
        throw new IllegalStateException(
            "portal.sendgrid.webhook-public-key (SENDGRID_WEBHOOK_PUBLIC_KEY) is not a P-256 key");
      }
      return key;
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "portal.sendgrid.webhook-public-key (SENDGRID_WEBHOOK_PUBLIC_KEY) is not the base64"
              + " verification key SendGrid shows for the Signed Event Webhook",
          e);
    }
  }
}
