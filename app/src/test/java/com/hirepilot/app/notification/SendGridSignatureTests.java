package com.hirepilot.app.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirepilot.app.testing.SendGridKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The signature check on its own: what SendGrid signs, and which keys the app takes. */
class SendGridSignatureTests {

  static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
  static final byte[] BODY = "[{\"event\":\"delivered\"}]".getBytes(StandardCharsets.UTF_8);

  final KeyPair keys = SendGridKeys.generate();

  SendGridSignature checking(String configuredKey) {
    return new SendGridSignature(
        new SendGridProperties(configuredKey), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void acceptsWhatSendGridSignedWithinTheWindow() {
    SendGridSignature signature = checking(SendGridKeys.publicKey(keys));
    for (long secondsAgo : new long[] {0, 599, -119}) {
      String timestamp = String.valueOf(NOW.getEpochSecond() - secondsAgo);
      assertThat(
              signature.refusal(
                  SendGridKeys.sign(keys.getPrivate(), timestamp, BODY), timestamp, BODY))
          .as("%d seconds ago", secondsAgo)
          .isEmpty();
    }
  }

  @Test
  void refusesTheSignatureOfAnotherTimestampOrBody() {
    SendGridSignature signature = checking(SendGridKeys.publicKey(keys));
    String timestamp = String.valueOf(NOW.getEpochSecond());
    String signed = SendGridKeys.sign(keys.getPrivate(), timestamp, BODY);

    assertThat(signature.refusal(signed, String.valueOf(NOW.getEpochSecond() - 1), BODY))
        .isPresent();
    assertThat(signature.refusal(signed, timestamp, "[]".getBytes(StandardCharsets.UTF_8)))
        .isPresent();
    assertThat(signature.refusal(signed, " " + timestamp, BODY)).as("other bytes").isPresent();
  }

  @Test
  void refusesATimestampOutsideTheWindow() {
    SendGridSignature signature = checking(SendGridKeys.publicKey(keys));
    for (long secondsAgo : new long[] {601, -121}) {
      String timestamp = String.valueOf(NOW.getEpochSecond() - secondsAgo);
      assertThat(
              signature.refusal(
                  SendGridKeys.sign(keys.getPrivate(), timestamp, BODY), timestamp, BODY))
          .as("%d seconds ago", secondsAgo)
          .isPresent();
    }
  }

  @Test
  void takesTheKeyAsPemToo() {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    SendGridSignature signature = checking(pem);
    String timestamp = String.valueOf(NOW.getEpochSecond());

    assertThat(
            signature.refusal(
                SendGridKeys.sign(keys.getPrivate(), timestamp, BODY), timestamp, BODY))
        .isEmpty();
  }

  @Test
  void isOffWithoutAKeyAndRefusesToStartWithAWrongOne() throws Exception {
    assertThat(checking(null).enabled()).isFalse();
    assertThat(checking("  ").enabled()).isFalse();

    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    for (String wrong :
        new String[] {
          "not a key",
          Base64.getEncoder().encodeToString("not a key".getBytes(StandardCharsets.UTF_8)),
          Base64.getEncoder().encodeToString(p384.generateKeyPair().getPublic().getEncoded()),
          Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded())
        }) {
      assertThatThrownBy(() -> checking(wrong))
          .as(wrong)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SENDGRID_WEBHOOK_PUBLIC_KEY");
    }
  }
}
