package com.hirepilot.app.notification;

import com.hirepilot.app.system.HealthSignals;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.EmailKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delivery record of every email, keyed by the idempotency key of its sender. Other features
 * read deliveries through here; only the {@link Mailer} writes them.
 */
@Component
public class EmailDeliveries {

  private static final String COLUMNS =
      "idempotency_key, submission_id, recipient, kind, subject, status, error, created_at, sent_at";

  private final JdbcClient jdbc;
  private final HealthSignals health;

  EmailDeliveries(JdbcClient jdbc, HealthSignals health) {
    this.jdbc = jdbc;
    this.health = health;
  }

  /** Every email to this address in the workspace, newest first (the support view). */
  public List<EmailDelivery> toRecipient(String workspaceId, String recipient, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from email_delivery where workspace_id = ? and recipient = ?"
                + " order by created_at desc limit ?")
        .params(workspaceId, recipient.trim().toLowerCase(java.util.Locale.ROOT), limit)
        .query(EmailDeliveries::row)
        .list();
  }

  public Optional<EmailDelivery> find(String idempotencyKey) {
    return jdbc.sql("select " + COLUMNS + " from email_delivery where idempotency_key = ?")
        .param(idempotencyKey)
        .query(EmailDeliveries::row)
        .optional();
  }

  public List<EmailDelivery> forSubmission(String submissionId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from email_delivery where submission_id = ? order by created_at, id")
        .param(submissionId)
        .query(EmailDeliveries::row)
        .list();
  }

  /** Of these submissions, the ones with an email the SMTP server has not accepted yet. */
  public Set<String> failingAmong(Collection<String> submissionIds) {
    if (submissionIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.sql(
                """
                select distinct submission_id from email_delivery
                where submission_id in (:ids) and status = 'FAILED'
                """)
            .param("ids", submissionIds)
            .query(String.class)
            .list());
  }

  /** The workspace's submissions with an email the SMTP server has not accepted yet. */
  public Set<String> failingSubmissionsOf(String workspaceId) {
    return Set.copyOf(
        jdbc.sql(
                """
                select distinct submission_id from email_delivery
                where workspace_id = ? and status = 'FAILED' and submission_id is not null
                """)
            .param(workspaceId)
            .query(String.class)
            .list());
  }

  /** Records that an email is about to go out, unless it already has a record. */
  void begin(String idempotencyKey, OutgoingEmail email, Instant now) {
    jdbc.sql(
            """
            insert into email_delivery
              (id, idempotency_key, workspace_id, submission_id, recipient, kind, subject, status,
               created_at)
            values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
            on conflict do nothing
            """)
        .params(
            Ids.next(),
            idempotencyKey,
            email.workspaceId(),
            email.submissionId(),
            email.to(),
            email.kind().name(),
            email.subject(),
            Timestamps.param(now))
        .update();
  }

  void sent(String idempotencyKey, Instant now) {
    jdbc.sql(
            "update email_delivery set status = 'SENT', error = null, sent_at = ? where idempotency_key = ?")
        .params(Timestamps.param(now), idempotencyKey)
        .update();
    health.succeeded(HealthSignals.Signal.EMAIL_FAILURES);
  }

  void failed(String idempotencyKey, String error) {
    jdbc.sql("update email_delivery set status = 'FAILED', error = ? where idempotency_key = ?")
        .params(error, idempotencyKey)
        .update();
    health.failed(HealthSignals.Signal.EMAIL_FAILURES);
  }

  private static EmailDelivery row(ResultSet rs, int rowNum) throws SQLException {
    return new EmailDelivery(
        rs.getString("idempotency_key"),
        rs.getString("submission_id"),
        rs.getString("recipient"),
        EmailKind.valueOf(rs.getString("kind")),
        rs.getString("subject"),
        EmailDelivery.Status.valueOf(rs.getString("status")),
        rs.getString("error"),
        Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "sent_at"));
  }
}
