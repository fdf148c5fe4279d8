package com.hirepilot.app.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.rate-limits.*}: each limit is {@code requests} per {@code per}, refilled smoothly,
 * so a client who hits a limit waits a fraction of the period, not all of it.
 */
@ConfigurationProperties("portal.rate-limits")
public record ThrottleProperties(
    Limit linkRequestsPerAddress,
    Limit linkRequestsPerIp,
    Limit signInsPerIp,
    Limit commentsPerClient,
    Limit consoleSignInsPerIp,
    Limit consoleSignInsPerAddress) {

  public record Limit(int requests, Duration per) {
    public Limit {
      if (requests < 1 || per == null || per.isZero() || per.isNegative()) {
        throw new IllegalArgumentException(
            "A rate limit needs requests >= 1 and a positive period, got "
                + requests
                + " per "
                + per);
      }
    }
  }
}
