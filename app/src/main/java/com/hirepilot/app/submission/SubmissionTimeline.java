package com.hirepilot.app.submission;

import com.hirepilot.app.submission.internal.StepKey;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.TimelineEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable history of each submission. It outlives the workflow (and, in the embedded runtime, a
 * restart), so every reader of a timeline reads it from here.
 */
@Repository
class SubmissionTimeline {

  /** One entry and the submission it belongs to, for reads that cover many submissions. */
  record Line(String submissionId, TimelineEntry entry) {}

  private final JdbcClient jdbc;
  private final org.springframework.context.ApplicationEventPublisher events;

  SubmissionTimeline(
      JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Appends an entry unless one with the same key exists; returns whether it was written. */
  boolean append(
      StepKey key,
      String submissionId,
      SubmissionEventType type,
      String actor,
      String detail,
      Instant at) {
    boolean written =
        jdbc.sql(
                    """
                insert into submission_event
                  (id, submission_id, type, actor, detail, idempotency_key, at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
                .params(
                    Ids.next(),
                    submissionId,
                    type.name(),
                    actor,
                    detail,
                    key.value(),
                    Timestamps.param(at))
                .update()
            == 1;
    if (written) {
      events.publishEvent(new SubmissionChanged(submissionId));
    }
    return written;
  }

  List<TimelineEntry> of(String submissionId) {
    return jdbc.sql(
            """
            select submission_id, at, type, actor, detail from submission_event
            where submission_id = ? order by at, id
            """)
        .param(submissionId)
        .query((rs, n) -> line(rs).entry())
        .list();
  }

  /** The entries of these types for all these submissions, in one statement, oldest first. */
  List<Line> of(Collection<String> submissionIds, Collection<SubmissionEventType> types) {
    if (submissionIds.isEmpty() || types.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select submission_id, at, type, actor, detail from submission_event
            where submission_id in (:ids) and type in (:types) order by at, id
            """)
        .param("ids", submissionIds)
        .param("types", types.stream().map(Enum::name).toList())
        .query((rs, n) -> line(rs))
        .list();
  }

  private static Line line(ResultSet rs) throws SQLException {
    return new Line(
        rs.getString("submission_id"),
        new TimelineEntry(
            Timestamps.read(rs, "at"),
            SubmissionEventType.valueOf(rs.getString("type")),
            rs.getString("actor"),
            rs.getString("detail")));
  }
}
