package com.hirepilot.app.submission.internal;

import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The submissions' product metrics:
 *
 * <ul>
 *   <li>{@code hirepilot_submissions{status}}: how many submissions stand in each status, all
 *       workspaces together, read from the database with one grouped query at most every {@link
 *       #FRESH_FOR} however often Prometheus scrapes (every instance reports the same numbers);
 *   <li>{@code hirepilot_client_decision_seconds{decision}}: from submission to the client's
 *       decision, recorded once per decision put on record;
 *   <li>{@code hirepilot_reminders_sent_total}: reminder emails sent to clients.
 * </ul>
 *
 * Tags name statuses and decisions only, never a submission, workspace or person.
 */
@Component
public class SubmissionMetrics {

  /** How long one count of the submissions by status serves scrapes. */
  static final Duration FRESH_FOR = Duration.ofSeconds(15);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Counter remindersSent;
  private final Map<Decision, Timer> decisionTimes = new EnumMap<>(Decision.class);

  private volatile Map<SubmissionStatus, Long> byStatus = Map.of();
  private volatile Instant countedAt = Instant.MIN;

  SubmissionMetrics(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    for (SubmissionStatus status : SubmissionStatus.values()) {
      Gauge.builder("hirepilot.submissions", this, metrics -> metrics.count(status))
          .description("Submissions in each status, all workspaces (the same on every instance)")
          .tag("status", status.name())
          .register(registry);
    }
    for (Decision decision : Decision.values()) {
      decisionTimes.put(
          decision,
          Timer.builder("hirepilot.client.decision")
              .description("Time from a candidate's submission to the client's decision")
              .tag("decision", decision.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    remindersSent =
        Counter.builder("hirepilot.reminders.sent")
            .description("Reminder emails sent to clients about a submission awaiting feedback")
            .register(registry);
  }

  public void reminderSent() {
    remindersSent.increment();
  }

  /**
   * Records the time to a decision once the transaction that put it on record commits: a rolled
   * back attempt, retried by Temporal, must not count twice.
   */
  public void decided(Decision decision, Instant submittedAt, Instant decidedAt) {
    if (submittedAt == null || decidedAt.isBefore(submittedAt)) {
      return;
    }
    Runnable record =
        () -> decisionTimes.get(decision).record(Duration.between(submittedAt, decidedAt));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              record.run();
            }
          });
    } else {
      record.run();
    }
  }

  private double count(SubmissionStatus status) {
    Instant now = clock.instant();
    if (countedAt.plus(FRESH_FOR).isBefore(now)) {
      refresh(now);
    }
    return byStatus.getOrDefault(status, 0L);
  }

  /** One grouped statement for every status gauge; concurrent scrapes share one refresh. */
  private synchronized void refresh(Instant now) {
    if (!countedAt.plus(FRESH_FOR).isBefore(now)) {
      return;
    }
    Map<SubmissionStatus, Long> counted = new EnumMap<>(SubmissionStatus.class);
    jdbc.sql("select status, count(*) from submission group by status")
        .query(
            rs -> {
              counted.put(SubmissionStatus.valueOf(rs.getString(1)), rs.getLong(2));
            });
    byStatus = counted;
    countedAt = now;
  }
}
