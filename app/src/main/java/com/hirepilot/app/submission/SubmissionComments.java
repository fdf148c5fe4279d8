package com.hirepilot.app.submission;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clients' comments on submissions. The body is the client's own text: untrusted, never HTML. */
@Repository
public class SubmissionComments {

  public record Comment(
      String id,
      String submissionId,
      String collaboratorId,
      String author,
      String body,
      Instant at,
      Instant notifiedAt) {}

  private final JdbcClient jdbc;

  SubmissionComments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Comment add(String submissionId, String collaboratorId, String author, String body, Instant at) {
    String id = Ids.next();
    jdbc.sql(
            """
            insert into submission_comment
              (id, submission_id, collaborator_id, author, body, created_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(id, submissionId, collaboratorId, author, body, Timestamps.param(at))
        .update();
    return new Comment(id, submissionId, collaboratorId, author, body, at, null);
  }

  public List<Comment> of(String submissionId) {
    return jdbc.sql(SELECT + " where submission_id = ? order by created_at, id")
        .param(submissionId)
        .query(this::map)
        .list();
  }

  Optional<Comment> find(String commentId) {
    return jdbc.sql(SELECT + " where id = ?").param(commentId).query(this::map).optional();
  }

  List<String> unnotifiedOf(String submissionId) {
    return jdbc.sql(
            """
            select id from submission_comment
            where submission_id = ? and notified_at is null order by created_at, id
            """)
        .param(submissionId)
        .query(String.class)
        .list();
  }

  void markNotified(String commentId, Instant at) {
    jdbc.sql("update submission_comment set notified_at = ? where id = ? and notified_at is null")
        .params(Timestamps.param(at), commentId)
        .update();
  }

  private static final String SELECT =
      """
      select id, submission_id, collaborator_id, author, body, created_at, notified_at
      from submission_comment
      """;

  private Comment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Comment(
        rs.getString("id"),
        rs.getString("submission_id"),
        rs.getString("collaborator_id"),
        rs.getString("author"),
        rs.getString("body"),
        Timestamps.read(rs, "created_at"),
        rs.getObject("notified_at") == null ? null : Timestamps.read(rs, "notified_at"));
  }
}
