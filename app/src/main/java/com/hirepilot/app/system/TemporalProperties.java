package com.hirepilot.app.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code temporal.*} settings.
 *
 * @param target {@code embedded} for the in-process server, or {@code host:port} of a frontend
 */
@ConfigurationProperties("temporal")
public record TemporalProperties(String target, int embeddedPort, String namespace) {

  public boolean embedded() {
    return target == null || target.isBlank() || "embedded".equalsIgnoreCase(target.trim());
  }

  public String address() {
    return embedded() ? "127.0.0.1:" + embeddedPort : target.trim();
  }
}
