package com.hirepilot.app.job;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job's activity log: append-only, each line written once under its idempotency key. This is
 * the job feature's API for it; other features write and read lines only through here.
 */
@Component
public class JobActivityLog {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  JobActivityLog(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Appends a line unless one with the same key exists.
   *
   * @return whether the line was written now
   */
  public boolean append(
      String idempotencyKey,
      String jobId,
      String submissionId,
      SubmissionEventType type,
      String actor,
      boolean clientVisible,
      String detail,
      Instant at) {
    boolean written =
        jdbc.sql(
                    """
                insert into job_activity
                  (id, job_id, submission_id, type, actor, client_visible, detail, idempotency_key, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
                .params(
                    Ids.next(),
                    jobId,
                    submissionId,
                    type.name(),
                    actor,
                    clientVisible,
                    detail,
                    idempotencyKey,
                    Timestamps.param(at))
                .update()
            == 1;
    if (written) {
      // The portal's and the console's live pages are pushed the line once it is committed.
      events.publishEvent(new JobActivityAppended(jobId, submissionId, type, clientVisible));
    }
    return written;
  }

  /**
   * When the job's client-visible line was written, found in the whole log: a line of a candidate
   * who has since been withdrawn still marks a place in it.
   */
  public java.util.Optional<Instant> clientVisibleLineAt(String jobId, String lineId) {
    return jdbc.sql("select at from job_activity where job_id = ? and id = ? and client_visible")
        .params(jobId, lineId)
        .query((rs, n) -> Timestamps.read(rs, "at"))
        .optional();
  }

  public List<JobActivity> forJob(String jobId) {
    return query(jobId, false);
  }

  public List<JobActivity> clientVisibleForJob(String jobId) {
    return query(jobId, true);
  }

  private List<JobActivity> query(String jobId, boolean clientVisibleOnly) {
    return jdbc.sql(
            """
            select id, job_id, submission_id, type, actor, client_visible, detail, at
            from job_activity where job_id = :jobId and (client_visible or not :clientVisibleOnly)
            order by at, id
            """)
        .param("jobId", jobId)
        .param("clientVisibleOnly", clientVisibleOnly)
        .query(JobActivityLog::row)
        .list();
  }

  private static JobActivity row(ResultSet rs, int rowNum) throws SQLException {
    return new JobActivity(
        rs.getString("id"),
        rs.getString("job_id"),
        rs.getString("submission_id"),
        SubmissionEventType.valueOf(rs.getString("type")),
        rs.getString("actor"),
        rs.getBoolean("client_visible"),
        rs.getString("detail"),
        Timestamps.read(rs, "at"));
  }
}
