package com.hirepilot.app.automation;

import com.hirepilot.app.system.Timestamps;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets of rule actions (a webhook's signing secret, a Slack URL, which is itself a
 * credential) with AES-GCM, so a database dump or backup does not hand them out. Each value gets a
 * random 12-byte IV; it is stored as {@code enc:v1:<base64(iv + ciphertext)>}.
 *
 * <p>The key is {@code portal.automation.secrets-key} (base64 of 32 bytes). Unset, a key is made at
 * first use and kept in the database: the secrets are then no safer than the database itself, so a
 * warning asks production to set the variable.
 */
@Component
class SecretBox {

  private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
  static final String PREFIX = "enc:v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random = new SecureRandom();
  private final String configuredKey;
  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile SecretKey key;

  SecretBox(
      @Value("${portal.automation.secrets-key:}") String configuredKey,
      JdbcClient jdbc,
      Clock clock) {
    this.configuredKey = configuredKey == null ? "" : configuredKey.trim();
    this.jdbc = jdbc;
    this.clock = clock;
  }

  String seal(String clear) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return PREFIX + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a rule secret", e);
    }
  }

  String open(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new IllegalStateException("A rule secret is not stored encrypted");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      byte[] clear = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
      return new String(clear, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // A changed key, or a tampered value: the action cannot run, and says why.
      throw new PermanentActionFailure(
          "The rule's secret cannot be decrypted (was portal.automation.secrets-key changed?)");
    }
  }

  private SecretKey key() {
    SecretKey known = key;
    if (known == null) {
      synchronized (this) {
        if (key == null) {
          key =
              new SecretKeySpec(
                  decode(configuredKey.isEmpty() ? storedKey() : configuredKey), "AES");
        }
        known = key;
      }
    }
    return known;
  }

  private static byte[] decode(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("portal.automation.secrets-key is not base64", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "portal.automation.secrets-key must be base64 of 32 bytes, not " + bytes.length);
    }
    return bytes;
  }

  /**
   * The database's key, made now if there is none. Every instance offers its own fresh key and the
   * first insert wins; all then read back the same one.
   */
  private String storedKey() {
    log.warn(
        "portal.automation.secrets-key (PORTAL_AUTOMATION_SECRETS_KEY) is unset: rule secrets are"
            + " encrypted with a key kept in the database. Set it in production.");
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    jdbc.sql(
            """
            insert into automation_secret_key (id, secret_key, created_at) values (1, ?, ?)
            on conflict do nothing
            """)
        .params(Base64.getEncoder().encodeToString(fresh), Timestamps.param(clock.instant()))
        .update();
    return jdbc.sql("select secret_key from automation_secret_key where id = 1")
        .query(String.class)
        .single();
  }
}
