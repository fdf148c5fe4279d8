package com.hirepilot.app.system;

import java.time.Duration;

/** A caller went over a rate limit; answered 429 with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequestsException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, at least one, as {@code Retry-After} wants them. */
  public long retryAfterSeconds() {
    return retryAfterSeconds(retryAfter);
  }

  /** A wait in whole seconds, rounded up and at least one, as {@code Retry-After} wants it. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
