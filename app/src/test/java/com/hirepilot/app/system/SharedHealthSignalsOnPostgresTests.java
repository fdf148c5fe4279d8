package com.hirepilot.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestRuntime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * REX's health signals on PostgreSQL with two instances: failures counted on each add up in one
 * reading, counts not yet flushed are part of the counting instance's reading, and rows that have
 * left the window are deleted. The test's clock is years ahead, so the running app's own counts (in
 * the present) never mix with the test's.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnPostgres.class)
class SharedHealthSignalsOnPostgresTests {

  static final Instant FUTURE = Instant.parse("2041-03-01T10:00:30Z");

  @Autowired JdbcTemplate jdbc;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final MovableClock clock = new MovableClock(FUTURE);

  HealthSignals instance(String name) {
    return new HealthSignals(
        clock, Optional.of(new SharedHealthCounts(jdbc, "test-" + run + "-" + name)));
  }

  @AfterEach
  void forget() {
    jdbc.update("delete from health_signal_count where instance_id like ?", "test-" + run + "-%");
  }

  @Test
  void failuresOnTwoInstancesAddUpInOneReading() {
    HealthSignals a = instance("a");
    HealthSignals b = instance("b");
    HealthSignals c = instance("c");
    // Each instance alone is under the signal's three failures; together they are over.
    for (int i = 0; i < 2; i++) {
      a.failed(HealthSignals.Signal.EMAIL_FAILURES);
      b.failed(HealthSignals.Signal.EMAIL_FAILURES);
    }
    a.succeeded(HealthSignals.Signal.EMAIL_FAILURES);
    assertThat(reading(a).systemWide()).as("A alone, before any flush").isFalse();
    assertThat(reading(a).failures()).isEqualTo(2);

    a.flush();
    b.flush();

    HealthSignals.Reading together = reading(c);
    assertThat(together.failures()).isEqualTo(4);
    assertThat(together.attempts()).isEqualTo(5);
    assertThat(together.systemWide()).isTrue();
    // Counted once each: A's flushed counts are not counted again as its own unflushed ones.
    assertThat(reading(a).failures()).isEqualTo(4);

    // B's next failure is part of B's reading at once, and of everyone's after B's next flush.
    b.failed(HealthSignals.Signal.EMAIL_FAILURES);
    assertThat(reading(b).failures()).isEqualTo(5);
    assertThat(reading(c).failures()).isEqualTo(4);
    b.flush();
    assertThat(reading(c).failures()).isEqualTo(5);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from health_signal_count where instance_id like ?",
                Long.class,
                "test-" + run + "-%"))
        .as("one row per instance, signal and minute")
        .isEqualTo(2);
  }

  @Test
  void countsLeaveTheWindowAndTheirRowsAreDeleted() {
    HealthSignals a = instance("a");
    for (int i = 0; i < 5; i++) {
      a.failed(HealthSignals.Signal.PORTAL_5XX);
    }
    a.flush();
    assertThat(reading(a, HealthSignals.Signal.PORTAL_5XX).failures()).isEqualTo(5);

    clock.advance(HealthSignals.WINDOW.plus(Duration.ofMinutes(1)));
    a.flush();

    assertThat(reading(a, HealthSignals.Signal.PORTAL_5XX).failures()).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from health_signal_count where instance_id like ?",
                Long.class,
                "test-" + run + "-%"))
        .isZero();
  }

  private static HealthSignals.Reading reading(HealthSignals signals) {
    return reading(signals, HealthSignals.Signal.EMAIL_FAILURES);
  }

  private static HealthSignals.Reading reading(HealthSignals signals, HealthSignals.Signal signal) {
    return signals.readings().stream().filter(r -> r.signal() == signal).findFirst().orElseThrow();
  }

  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
