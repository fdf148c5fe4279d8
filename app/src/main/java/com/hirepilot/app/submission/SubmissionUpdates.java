package com.hirepilot.app.submission;

import com.hirepilot.app.system.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each resend of a submission as its client sees it. The submission row keeps only the latest
 * message (the one the next email carries); the client's thread shows every one.
 */
@Repository
class SubmissionUpdates {

  /** One resend: the recruiter's new message (null when they kept the old one). */
  record Update(
      String submissionId,
      int round,
      String message,
      boolean filesChanged,
      String actor,
      Instant at) {}

  private final JdbcClient jdbc;

  SubmissionUpdates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the round once: a retried activity finds it there and changes nothing. */
  void record(
      String submissionId,
      int round,
      String message,
      boolean filesChanged,
      String actor,
      Instant at) {
    jdbc.sql(
            """
            insert into submission_update (submission_id, round, message, files_changed, actor, at)
            values (?, ?, ?, ?, ?, ?) on conflict do nothing
            """)
        .params(
            submissionId,
            round,
            message == null || message.isBlank() ? null : message,
            filesChanged,
            actor,
            Timestamps.param(at))
        .update();
  }

  /** The updates of all these submissions, oldest first, in one statement. */
  List<Update> of(Collection<String> submissionIds) {
    if (submissionIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select submission_id, round, message, files_changed, actor, at
              from submission_update where submission_id in (:ids) order by at, round
            """)
        .param("ids", submissionIds)
        .query(
            (rs, n) ->
                new Update(
                    rs.getString("submission_id"),
                    rs.getInt("round"),
                    rs.getString("message"),
                    rs.getBoolean("files_changed"),
                    rs.getString("actor"),
                    Timestamps.read(rs, "at")))
        .list();
  }
}
