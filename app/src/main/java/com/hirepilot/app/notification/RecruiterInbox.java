package com.hirepilot.app.notification;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Recruiters' in-app notifications, written beside the emails, once per idempotency key. */
@Component
public class RecruiterInbox {

  /**
   * @param kind what happened: DECISION, COMMENT, NO_RESPONSE
   */
  public record Notification(
      String id, String submissionId, String kind, String text, Instant at, boolean read) {}

  private final JdbcClient jdbc;

  RecruiterInbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a notification unless one with this key exists; returns whether it was added now. */
  public boolean post(
      String idempotencyKey,
      String workspaceId,
      String recruiterId,
      String submissionId,
      String kind,
      String text,
      Instant at) {
    return jdbc.sql(
                """
                insert into recruiter_notification
                  (id, workspace_id, recruiter_id, submission_id, kind, text, idempotency_key,
                   created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(
                Ids.next(),
                workspaceId,
                recruiterId,
                submissionId,
                kind,
                text.length() > 1000 ? text.substring(0, 999) + "…" : text,
                idempotencyKey,
                Timestamps.param(at))
            .update()
        == 1;
  }

  /** The recruiter's newest notifications first. */
  public List<Notification> of(String recruiterId, int limit) {
    return jdbc.sql(
            """
            select id, submission_id, kind, text, created_at, read_at from recruiter_notification
            where recruiter_id = ? order by created_at desc, id desc limit ?
            """)
        .params(recruiterId, limit)
        .query(
            (rs, n) ->
                new Notification(
                    rs.getString("id"),
                    rs.getString("submission_id"),
                    rs.getString("kind"),
                    rs.getString("text"),
                    Timestamps.read(rs, "created_at"),
                    rs.getObject("read_at") != null))
        .list();
  }

  /** Marks the recruiter's notifications read; another recruiter's stay as they are. */
  public int markRead(String recruiterId, List<String> ids, Instant at) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            update recruiter_notification set read_at = :at
            where recruiter_id = :recruiterId and id in (:ids) and read_at is null
            """)
        .param("at", Timestamps.param(at))
        .param("recruiterId", recruiterId)
        .param("ids", ids)
        .update();
  }
}
