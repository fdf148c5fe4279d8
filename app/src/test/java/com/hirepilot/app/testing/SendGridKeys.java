package com.hirepilot.app.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Signs Event Webhook batches as SendGrid does: ECDSA P-256 with SHA-256 over the timestamp header
 * followed by the body, DER, base64. {@link #SENDGRID} is this test run's stand-in for SendGrid's
 * key pair; the app on PostgreSQL is given its public half, as an operator pastes SendGrid's (set
 * {@code sendGridWebhook} on another {@link TestRuntime} to turn its webhook on too).
 */
public final class SendGridKeys {

  public static final KeyPair SENDGRID = generate();

  private SendGridKeys() {}

  /** A new P-256 key pair. */
  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verification key as SendGrid's settings show it: base64 of the X.509 DER form. */
  public static String publicKey(KeyPair keys) {
    return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
  }

  /**
   * Posts an Event Webhook batch to the app at {@code origin}, signed now with {@link #SENDGRID},
   * as SendGrid would: for tests of what follows a delivery event (REX, the console).
   */
  public static java.net.http.HttpResponse<String> post(String origin, String batchJson) {
    byte[] body = batchJson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String timestamp = String.valueOf(java.time.Instant.now().getEpochSecond());
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(origin + "/webhooks/sendgrid"))
            .header("Content-Type", "application/json")
            .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
            .header(
                "X-Twilio-Email-Event-Webhook-Signature",
                sign(SENDGRID.getPrivate(), timestamp, body))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return Http.send(java.net.http.HttpClient.newHttpClient(), request);
  }

  /** The {@code X-Twilio-Email-Event-Webhook-Signature} value for this timestamp and body. */
  public static String sign(PrivateKey key, String timestamp, byte[] body) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(key);
      signer.update(timestamp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      signer.update(body);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
