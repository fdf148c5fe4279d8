package com.hirepilot.app.notification;

import static com.hirepilot.app.notification.DeliveryRows.COLUMNS;

import com.hirepilot.app.notification.EmailDelivery.Status;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delivery record of every email to every recipient, keyed by the idempotency key of the step
 * that sends it, with the timestamped history of its statuses. Other features read deliveries
 * through here; only this package writes them ({@link DeliveryStatuses}).
 */
@Component
public class EmailDeliveries {

  private final JdbcClient jdbc;
  private final DeliveryHistory history;
  private final DeliveryStatuses statuses;

  EmailDeliveries(JdbcClient jdbc, DeliveryHistory history, DeliveryStatuses statuses) {
    this.jdbc = jdbc;
    this.history = history;
    this.statuses = statuses;
  }

  /** Every email to this address in the workspace, newest first, with histories (support). */
  public List<EmailDelivery> toRecipient(String workspaceId, String recipient, int limit) {
    return history.withHistories(
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from email_delivery where workspace_id = ? and recipient = ?"
                    + " order by created_at desc, id limit ?")
            .params(workspaceId, normalize(recipient), limit)
            .query(DeliveryRows::delivery)
            .list());
  }

  public Optional<EmailDelivery> find(String idempotencyKey) {
    return jdbc.sql("select " + COLUMNS + " from email_delivery where idempotency_key = ?")
        .param(idempotencyKey)
        .query(DeliveryRows::delivery)
        .optional();
  }

  public Optional<EmailDelivery> byId(String deliveryId) {
    return jdbc.sql("select " + COLUMNS + " from email_delivery where id = ?")
        .param(deliveryId)
        .query(DeliveryRows::delivery)
        .optional();
  }

  /** The delivery whose message carried this {@code Message-ID} (SendGrid's {@code smtp-id}). */
  public Optional<EmailDelivery> byMessageId(String messageId) {
    return jdbc.sql("select " + COLUMNS + " from email_delivery where message_id = ?")
        .param(messageId)
        .query(DeliveryRows::delivery)
        .optional();
  }

  /** The workspace the delivery belongs to: a provider's event names only the delivery. */
  public Optional<String> workspaceOf(String deliveryId) {
    return jdbc.sql("select workspace_id from email_delivery where id = ?")
        .param(deliveryId)
        .query(String.class)
        .optional();
  }

  /** Every email about the submission, oldest first, each with its history: two statements. */
  public List<EmailDelivery> forSubmission(String submissionId) {
    return history.withHistories(
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from email_delivery where submission_id = ? order by created_at, id")
            .param(submissionId)
            .query(DeliveryRows::delivery)
            .list());
  }

  /** The workspace's emails that need someone to act, newest first ("Needs attention"). */
  public List<EmailDelivery> needingAttention(String workspaceId, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from email_delivery where workspace_id = ?"
                + " and status in ('FAILED', 'BOUNCED', 'DROPPED', 'SPAM_REPORT')"
                + " order by status_at desc, id limit ?")
        .params(workspaceId, limit)
        .query(DeliveryRows::delivery)
        .list();
  }

  /** Of these submissions, the ones with an email that never left or that the provider refused. */
  public Set<String> failingAmong(Collection<String> submissionIds) {
    if (submissionIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.sql(
                """
                select distinct submission_id from email_delivery
                where submission_id in (:ids)
                  and status in ('FAILED', 'BOUNCED', 'DROPPED', 'SPAM_REPORT')
                """)
            .param("ids", submissionIds)
            .query(String.class)
            .list());
  }

  /** The workspace's submissions with an email that never left or that the provider refused. */
  public Set<String> failingSubmissionsOf(String workspaceId) {
    return Set.copyOf(
        jdbc.sql(
                """
                select distinct submission_id from email_delivery
                where workspace_id = ? and submission_id is not null
                  and status in ('FAILED', 'BOUNCED', 'DROPPED', 'SPAM_REPORT')
                """)
            .param(workspaceId)
            .query(String.class)
            .list());
  }

  /** Deliveries that have not left yet, oldest first (start-up hands them to workflows again). */
  public List<EmailDelivery> unsent(int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from email_delivery where status in ('QUEUED', 'RETRYING')"
                + " order by created_at, id limit ?")
        .param(limit)
        .query(DeliveryRows::delivery)
        .list();
  }

  /** The message as the sender recorded it, for building it at an attempt. */
  Optional<QueuedEmail> queued(String deliveryId) {
    return jdbc.sql("select " + COLUMNS + " from email_delivery where id = ?")
        .param(deliveryId)
        .query(DeliveryRows::queuedEmail)
        .optional();
  }

  /**
   * The provider's word on a sent message: see {@link DeliveryStatuses#providerSaid}. Kept here
   * because the webhook and the tests that play the provider reach deliveries through this class.
   *
   * @return whether the current status changed
   */
  public boolean providerSaid(String deliveryId, Status status, String reason, Instant at) {
    return statuses.providerSaid(deliveryId, status, reason, at);
  }

  /** How an address is kept and looked up: the same for a delivery and for its flag. */
  static String normalize(String address) {
    return address.trim().toLowerCase(Locale.ROOT);
  }
}
