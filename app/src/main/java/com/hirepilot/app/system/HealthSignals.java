package com.hirepilot.app.system;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recent success and failure counts of what clients depend on, for REX's health check: per minute,
 * over the last {@link #WINDOW}.
 *
 * <p>Counting is in memory, with no database write per request. On the shared database (several
 * instances), each instance adds its new counts to a table every few seconds ({@link #flush}) and a
 * reading sums every instance's rows plus this instance's counts not yet added, so REX sees the
 * failures of the whole deployment, not one instance's share of them.
 */
@Component
public class HealthSignals {

  private static final Logger log = LoggerFactory.getLogger(HealthSignals.class);

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
  private final SharedHealthCounts shared;

  /**
   * @param shared every instance's counts, on the shared database; empty on the embedded default
   */
  HealthSignals(Clock clock, Optional<SharedHealthCounts> shared) {
    this.clock = clock;
    this.shared = shared.orElse(null);
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
    Map<Signal, long[]> everyone = shared == null ? Map.of() : shared.since(now - MINUTES + 1);
    return java.util.Arrays.stream(Signal.values())
        .map(
            s -> {
              long[] c =
                  shared == null
                      ? counts.get(s).sum(now)
                      : plus(everyone.getOrDefault(s, new long[2]), counts.get(s).unflushed(now));
              boolean wide =
                  c[1] >= s.minimumFailures && c[0] > 0 && (double) c[1] / c[0] >= s.systemWideRate;
              return new Reading(s, c[1], c[0], wide);
            })
        .toList();
  }

  /**
   * Adds this instance's new counts to the shared table, and deletes every instance's rows that
   * have left the window. Counts taken for a flush that fails are put back for the next one.
   */
  @Scheduled(
      fixedDelayString = "${portal.shared-limits.health-flush-interval:PT5S}",
      initialDelayString = "${portal.shared-limits.health-flush-interval:PT5S}")
  @PreDestroy
  public void flush() {
    if (shared == null) {
      return;
    }
    long now = minute();
    List<SharedHealthCounts.Delta> deltas = new ArrayList<>();
    for (Signal s : Signal.values()) {
      deltas.addAll(counts.get(s).takeUnflushed(s, now));
    }
    try {
      if (!deltas.isEmpty()) {
        shared.add(deltas);
      }
      shared.forgetBefore(now - MINUTES + 1);
    } catch (RuntimeException e) {
      deltas.forEach(d -> counts.get(d.signal()).putBack(d));
      log.warn("Could not add this instance's health counts to the shared table: {}", e.toString());
    }
  }

  private static long[] plus(long[] a, long[] b) {
    return new long[] {a[0] + b[0], a[1] + b[1]};
  }

  private long minute() {
    return clock.millis() / 60_000;
  }

  /**
   * Attempts and failures in a ring of one-minute slots, each stamped with its minute, and how much
   * of each slot has gone to the shared table.
   */
  private static final class Counts {
    private final long[] minuteOf = new long[MINUTES];
    private final long[] attempts = new long[MINUTES];
    private final long[] failures = new long[MINUTES];
    private final long[] flushedAttempts = new long[MINUTES];
    private final long[] flushedFailures = new long[MINUTES];

    synchronized void add(long minute, boolean failed) {
      int slot = (int) (minute % MINUTES);
      if (minuteOf[slot] != minute) {
        minuteOf[slot] = minute;
        attempts[slot] = 0;
        failures[slot] = 0;
        flushedAttempts[slot] = 0;
        flushedFailures[slot] = 0;
      }
      attempts[slot]++;
      if (failed) {
        failures[slot]++;
      }
    }

    synchronized long[] sum(long now) {
      long a = 0;
      long f = 0;
      for (int slot = 0; slot < MINUTES; slot++) {
        if (now - minuteOf[slot] < MINUTES) {
          a += attempts[slot];
          f += failures[slot];
        }
      }
      return new long[] {a, f};
    }

    synchronized long[] unflushed(long now) {
      long a = 0;
      long f = 0;
      for (int slot = 0; slot < MINUTES; slot++) {
        if (now - minuteOf[slot] < MINUTES) {
          a += attempts[slot] - flushedAttempts[slot];
          f += failures[slot] - flushedFailures[slot];
        }
      }
      return new long[] {a, f};
    }

    /** The counts not yet flushed, marked as flushed. */
    synchronized List<SharedHealthCounts.Delta> takeUnflushed(Signal signal, long now) {
      List<SharedHealthCounts.Delta> out = new ArrayList<>();
      for (int slot = 0; slot < MINUTES; slot++) {
        long a = attempts[slot] - flushedAttempts[slot];
        if (now - minuteOf[slot] < MINUTES && a > 0) {
          long f = failures[slot] - flushedFailures[slot];
          out.add(new SharedHealthCounts.Delta(signal, minuteOf[slot], a, f));
          flushedAttempts[slot] = attempts[slot];
          flushedFailures[slot] = failures[slot];
        }
      }
      return out;
    }

    /** Takes back counts whose flush failed, unless their slot has moved on to a new minute. */
    synchronized void putBack(SharedHealthCounts.Delta delta) {
      int slot = (int) (delta.minute() % MINUTES);
      if (minuteOf[slot] == delta.minute()) {
        flushedAttempts[slot] -= delta.attempts();
        flushedFailures[slot] -= delta.failures();
      }
    }
  }
}
