package com.hirepilot.app.submission;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comments on submissions: the client's, and the recruiter's replies (no collaborator). */
@Repository
class SubmissionComments {

  private static final String SELECT =
      """
      select id, submission_id, collaborator_id, author, body, created_at, notified_at
      from submission_comment
      """;

  private final JdbcClient jdbc;

  SubmissionComments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  SubmissionComment add(
      String submissionId, String collaboratorId, String author, String body, Instant at) {
    String id = Ids.next();
    jdbc.sql(
            """
            insert into submission_comment
              (id, submission_id, collaborator_id, author, body, created_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(id, submissionId, collaboratorId, author, body, Timestamps.param(at))
        .update();
    return new SubmissionComment(id, submissionId, collaboratorId, author, body, at, null);
  }

  /**
   * A recruiter's reply. It is marked passed on at once: the comment digest tells recruiters what
   * clients said, never what they said themselves.
   */
  SubmissionComment addFromRecruiter(
      String submissionId, String recruiterId, String author, String body, Instant at) {
    String id = Ids.next();
    jdbc.sql(
            """
            insert into submission_comment
              (id, submission_id, recruiter_id, author, body, created_at, notified_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id, submissionId, recruiterId, author, body, Timestamps.param(at), Timestamps.param(at))
        .update();
    return new SubmissionComment(id, submissionId, null, author, body, at, at);
  }

  List<SubmissionComment> of(String submissionId) {
    return jdbc.sql(SELECT + " where submission_id = ? order by created_at, id")
        .param(submissionId)
        .query(SubmissionComments::row)
        .list();
  }

  /** The comments on all these submissions, in one statement, oldest first. */
  List<SubmissionComment> of(Collection<String> submissionIds) {
    if (submissionIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " where submission_id in (:ids) order by created_at, id")
        .param("ids", submissionIds)
        .query(SubmissionComments::row)
        .list();
  }

  Optional<SubmissionComment> find(String commentId) {
    return jdbc.sql(SELECT + " where id = ?")
        .param(commentId)
        .query(SubmissionComments::row)
        .optional();
  }

  /** The comments not yet passed on to the recruiter, for the submissions given, by submission. */
  List<SubmissionComment> unnotifiedOf(Collection<String> submissionIds) {
    if (submissionIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            SELECT
                + " where submission_id in (:ids) and notified_at is null order by created_at, id")
        .param("ids", submissionIds)
        .query(SubmissionComments::row)
        .list();
  }

  /** The comments not yet passed on to the recruiter, of every unsettled submission. */
  List<SubmissionComment> unnotifiedOfUnsettled() {
    return jdbc.sql(
            SELECT
                + """
                 where notified_at is null
                   and submission_id in (select id from submission where settled_at is null)
                 order by created_at, id
                """)
        .query(SubmissionComments::row)
        .list();
  }

  /**
   * Claims every comment on the submission not yet passed on for the digest batch, including any a
   * lost earlier batch had claimed: passing a comment on twice after a crash beats never.
   */
  void claimForDigest(String submissionId, String batch) {
    jdbc.sql(
            "update submission_comment set digest_batch = ? where submission_id = ? and"
                + " notified_at is null")
        .params(batch, submissionId)
        .update();
  }

  /** The comments of the digest batch still to pass on, oldest first. */
  List<SubmissionComment> inDigest(String batch) {
    return jdbc.sql(
            SELECT + " where digest_batch = ? and notified_at is null order by created_at, id")
        .param(batch)
        .query(SubmissionComments::row)
        .list();
  }

  /** Every comment of the digest batch, passed on or not, oldest first. */
  List<SubmissionComment> ofDigest(String batch) {
    return jdbc.sql(SELECT + " where digest_batch = ? order by created_at, id")
        .param(batch)
        .query(SubmissionComments::row)
        .list();
  }

  /** Claims the recruiter's replies not yet emailed to the client into the batch. */
  void claimForReplyDigest(String submissionId, String batch) {
    jdbc.sql(
            """
            update submission_comment set client_digest_batch = ?
            where submission_id = ? and recruiter_id is not null and client_emailed_at is null
            """)
        .params(batch, submissionId)
        .update();
  }

  /** The replies of the client's digest batch, oldest first. */
  List<SubmissionComment> ofReplyDigest(String batch) {
    return jdbc.sql(SELECT + " where client_digest_batch = ? order by created_at, id")
        .param(batch)
        .query(SubmissionComments::row)
        .list();
  }

  void markReplyDigestEmailed(String batch, Instant at) {
    jdbc.sql(
            "update submission_comment set client_emailed_at = ? where client_digest_batch = ?"
                + " and client_emailed_at is null")
        .params(Timestamps.param(at), batch)
        .update();
  }

  /** Submissions whose client is owed an email about the recruiter's replies. */
  List<String> submissionsWithUnemailedReplies() {
    return jdbc.sql(
            """
            select distinct c.submission_id from submission_comment c
            join submission s on s.id = c.submission_id
            where c.recruiter_id is not null and c.client_emailed_at is null
              and s.status <> 'WITHDRAWN'
            """)
        .query(String.class)
        .list();
  }

  void markDigestNotified(String batch, Instant at) {
    jdbc.sql(
            "update submission_comment set notified_at = ? where digest_batch = ? and notified_at"
                + " is null")
        .params(Timestamps.param(at), batch)
        .update();
  }

  /** Submissions with comments the recruiter has not heard of, settled or not. */
  List<String> submissionsWithUnnotified() {
    return jdbc.sql(
            "select distinct submission_id from submission_comment where notified_at is null")
        .query(String.class)
        .list();
  }

  void markNotified(String commentId, Instant at) {
    jdbc.sql("update submission_comment set notified_at = ? where id = ? and notified_at is null")
        .params(Timestamps.param(at), commentId)
        .update();
  }

  private static SubmissionComment row(ResultSet rs, int n) throws SQLException {
    return new SubmissionComment(
        rs.getString("id"),
        rs.getString("submission_id"),
        rs.getString("collaborator_id"),
        rs.getString("author"),
        rs.getString("body"),
        Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "notified_at"));
  }
}
