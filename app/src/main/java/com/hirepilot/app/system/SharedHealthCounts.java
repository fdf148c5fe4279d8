package com.hirepilot.app.system;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The health counts of every instance, in the shared database ({@code health_signal_count}): each
 * instance adds its own rows, under an ID it draws at start-up, and a reading sums everybody's.
 */
@Component
@ConditionalOnPostgres
class SharedHealthCounts {

  /** One instance's new counts for one signal and minute. */
  record Delta(HealthSignals.Signal signal, long minute, long attempts, long failures) {}

  private final JdbcTemplate jdbc;
  private final String instanceId;

  @Autowired
  SharedHealthCounts(JdbcTemplate jdbc) {
    this(jdbc, Ids.next());
  }

  SharedHealthCounts(JdbcTemplate jdbc, String instanceId) {
    this.jdbc = jdbc;
    this.instanceId = instanceId;
  }

  /**
   * Adds the counts to this instance's rows, in one batch. Only this instance writes its rows, so
   * the upsert never races another writer for a row.
   */
  void add(List<Delta> deltas) {
    jdbc.batchUpdate(
        """
        insert into health_signal_count
          (instance_id, signal, epoch_minute, attempts, failures)
        values (?, ?, ?, ?, ?)
        on conflict (instance_id, signal, epoch_minute) do update
          set attempts = health_signal_count.attempts + excluded.attempts,
              failures = health_signal_count.failures + excluded.failures
        """,
        deltas,
        deltas.size(),
        (statement, d) -> {
          statement.setString(1, instanceId);
          statement.setString(2, d.signal().name());
          statement.setLong(3, d.minute());
          statement.setLong(4, d.attempts());
          statement.setLong(5, d.failures());
        });
  }

  /** Deletes every instance's rows older than the minute: they are out of every window. */
  void forgetBefore(long minute) {
    jdbc.update("delete from health_signal_count where epoch_minute < ?", minute);
  }

  /** Attempts and failures of every instance from the minute on, by signal; one statement. */
  Map<HealthSignals.Signal, long[]> since(long minute) {
    Map<HealthSignals.Signal, long[]> sums = new EnumMap<>(HealthSignals.Signal.class);
    jdbc.query(
        """
        select signal, sum(attempts), sum(failures) from health_signal_count
         where epoch_minute >= ? group by signal
        """,
        rs -> {
          try {
            sums.put(
                HealthSignals.Signal.valueOf(rs.getString(1)),
                new long[] {rs.getLong(2), rs.getLong(3)});
          } catch (IllegalArgumentException retired) {
            // A signal an older version counted: not part of today's readings.
          }
        },
        minute);
    return sums;
  }
}
