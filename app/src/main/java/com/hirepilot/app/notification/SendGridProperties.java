package com.hirepilot.app.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code portal.sendgrid.*} settings (docs/configuration-sendgrid.md).
 *
 * @param webhookPublicKey the Event Webhook's verification key as SendGrid's settings show it
 *     (base64 of an X.509 DER EC P-256 public key); unset or blank, the webhook answers 404
 */
@ConfigurationProperties("portal.sendgrid")
record SendGridProperties(String webhookPublicKey) {

  boolean webhookEnabled() {
    return webhookPublicKey != null && !webhookPublicKey.isBlank();
  }
}
