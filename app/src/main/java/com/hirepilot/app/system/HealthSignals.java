package com.hirepilot.app.system;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.stereotype.Component;

/**
 * Recent success and failure counts of what clients depend on, for REX's health check: per minute,
 * over the last {@link #WINDOW}. Counted in this instance's memory; with several instances each
 * reports its own traffic, which is the same picture when the load balancer spreads requests.
 */
@Component
public class HealthSignals {

  public static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MINUTES = (int) WINDOW.toMinutes();

  public enum Signal {
    /** Sign-in link POSTs: a failure is an invalid, used or expired link. */
    MAGIC_LINK_FAILURES(5, 0.5),
    /** Portal requests: a failure is a 5xx answer. */
    PORTAL_5XX(5, 0.2),
    /** Emails: a failure is a delivery the relay refused. */
    EMAIL_FAILURES(3, 0.5),
    /** Client decisions and comments: a failure is a 5xx answer. */
    FEEDBACK_ERRORS(3, 0.5);

    private final long minimumFailures;
    private final double systemWideRate;

    Signal(long minimumFailures, double systemWideRate) {
      this.minimumFailures = minimumFailures;
      this.systemWideRate = systemWideRate;
    }
  }

  /** One signal over the window. */
  public record Reading(Signal signal, long failures, long attempts, boolean systemWide) {}

  private final Clock clock;
  private final Map<Signal, Counts> counts = new EnumMap<>(Signal.class);

  public HealthSignals(Clock clock) {
    this.clock = clock;
    for (Signal s : Signal.values()) {
      counts.put(s, new Counts());
    }
  }

  public void succeeded(Signal signal) {
    counts.get(signal).add(minute(), false);
  }

  public void failed(Signal signal) {
    counts.get(signal).add(minute(), true);
  }

  public List<Reading> readings() {
    long now = minute();
    return java.util.Arrays.stream(Signal.values())
        .map(
            s -> {
              long[] c = counts.get(s).sum(now);
              boolean wide =
                  c[1] >= s.minimumFailures && c[0] > 0 && (double) c[1] / c[0] >= s.systemWideRate;
              return new Reading(s, c[1], c[0], wide);
            })
        .toList();
  }

  private long minute() {
    return clock.millis() / 60_000;
  }

  /** Attempts and failures in a ring of one-minute slots, each stamped with its minute. */
  private static final class Counts {
    private final AtomicLongArray minuteOf = new AtomicLongArray(MINUTES);
    private final AtomicLongArray attempts = new AtomicLongArray(MINUTES);
    private final AtomicLongArray failures = new AtomicLongArray(MINUTES);

    synchronized void add(long minute, boolean failed) {
      int slot = (int) (minute % MINUTES);
      if (minuteOf.get(slot) != minute) {
        minuteOf.set(slot, minute);
        attempts.set(slot, 0);
        failures.set(slot, 0);
      }
      attempts.incrementAndGet(slot);
      if (failed) {
        failures.incrementAndGet(slot);
      }
    }

    synchronized long[] sum(long now) {
      long a = 0;
      long f = 0;
      for (int slot = 0; slot < MINUTES; slot++) {
        if (now - minuteOf.get(slot) < MINUTES) {
          a += attempts.get(slot);
          f += failures.get(slot);
        }
      }
      return new long[] {a, f};
    }
  }
}
