package com.hirepilot.app.submission;

import com.hirepilot.app.job.SubmissionCounts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-status submission counts the job list shows, from {@code submission}. Every submission of
 * the jobs counts, whatever its status: the list has always shown them all.
 */
@Component
class JobSubmissionCounts implements SubmissionCounts {

  private final JdbcClient jdbc;

  JobSubmissionCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Plain JDBC without a transaction of its own, so it reads on the connection of the caller's
   * read-only transaction instead of taking a second one from the pool.
   */
  @Override
  public Map<String, Map<String, Integer>> perStatus(Collection<String> jobIds) {
    if (jobIds.isEmpty()) {
      // No statement at all: "in ()" is not SQL, and there is nothing to count.
      return Map.of();
    }
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    jdbc.sql(
            """
            select job_id, status, count(*) as submissions from submission
             where job_id in (:jobIds) group by job_id, status
            """)
        .param("jobIds", jobIds)
        .query(
            rs -> {
              counts
                  .computeIfAbsent(rs.getString("job_id"), id -> new HashMap<>())
                  .put(rs.getString("status"), rs.getInt("submissions"));
            });
    return counts;
  }
}
