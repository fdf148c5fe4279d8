package com.hirepilot.app.submission;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.TimelineEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable history of each submission. It outlives the workflow (and, in the embedded runtime, a
 * restart), so the recruiter API reads the timeline from here.
 */
@Repository
public class SubmissionTimeline {

  private final JdbcClient jdbc;

  SubmissionTimeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends an entry unless one with the same key exists; returns whether it was written. */
  public boolean append(
      String idempotencyKey,
      String submissionId,
      String type,
      String actor,
      String detail,
      Instant at) {
    return jdbc.sql(
                """
                insert into submission_event
                  (id, submission_id, type, actor, detail, idempotency_key, at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(
                Ids.next(), submissionId, type, actor, detail, idempotencyKey, Timestamps.param(at))
            .update()
        == 1;
  }

  public List<TimelineEntry> of(String submissionId) {
    return jdbc.sql(
            """
            select at, type, actor, detail from submission_event
            where submission_id = ? order by at, id
            """)
        .param(submissionId)
        .query(
            (rs, n) ->
                new TimelineEntry(
                    Timestamps.read(rs, "at"),
                    rs.getString("type"),
                    rs.getString("actor"),
                    rs.getString("detail")))
        .list();
  }
}
