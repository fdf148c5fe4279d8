package com.hirepilot.app.task;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code recruiter_task} table. */
@Repository
class RecruiterTasks {

  private final JdbcClient jdbc;

  RecruiterTasks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts the task unless one with the same key exists: an action's retry under the same key
   * gives nobody a second task.
   *
   * @return whether it was written now
   */
  boolean insertOnce(
      String idempotencyKey,
      String workspaceId,
      String recruiterId,
      String jobId,
      String submissionId,
      String title,
      Instant at) {
    return jdbc.sql(
                """
                insert into recruiter_task
                  (id, workspace_id, recruiter_id, job_id, submission_id, title, idempotency_key,
                   created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(
                Ids.next(),
                workspaceId,
                recruiterId,
                jobId,
                submissionId,
                title,
                idempotencyKey,
                Timestamps.param(at))
            .update()
        == 1;
  }

  /** One statement, however many tasks. */
  List<RecruiterTask> openFor(String workspaceId, String recruiterId, int limit) {
    return jdbc.sql(
            """
            select id, workspace_id, recruiter_id, job_id, submission_id, title, created_at, done_at
            from recruiter_task
            where workspace_id = ? and recruiter_id = ? and done_at is null
            order by created_at desc, id desc
            limit ?
            """)
        .params(workspaceId, recruiterId, limit)
        .query(RecruiterTasks::row)
        .list();
  }

  /**
   * Ticks the recruiter's own task off; ticking it again keeps the first time.
   *
   * @return whether the recruiter has such a task
   */
  boolean markDone(String workspaceId, String recruiterId, String taskId, Instant at) {
    jdbc.sql(
            """
            update recruiter_task set done_at = ?
            where id = ? and workspace_id = ? and recruiter_id = ? and done_at is null
            """)
        .params(Timestamps.param(at), taskId, workspaceId, recruiterId)
        .update();
    return jdbc.sql(
                "select count(*) from recruiter_task where id = ? and workspace_id = ? and recruiter_id = ?")
            .params(taskId, workspaceId, recruiterId)
            .query(Integer.class)
            .single()
        > 0;
  }

  private static RecruiterTask row(ResultSet rs, int rowNum) throws SQLException {
    return new RecruiterTask(
        rs.getString("id"),
        rs.getString("workspace_id"),
        rs.getString("recruiter_id"),
        rs.getString("job_id"),
        rs.getString("submission_id"),
        rs.getString("title"),
        Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "done_at"));
  }
}
