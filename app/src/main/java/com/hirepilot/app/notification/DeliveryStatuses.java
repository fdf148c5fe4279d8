package com.hirepilot.app.notification;

import com.hirepilot.app.notification.EmailDelivery.Status;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of a delivery's record: queued under its idempotency key, claimed by an attempt,
 * then {@code RETRYING}, {@code SENT}, {@code FAILED} or {@code CANCELLED}, and afterwards what the
 * provider says about it. Each change that takes is kept in the {@link DeliveryHistory}. Only this
 * package writes deliveries; other features read them through {@link EmailDeliveries}.
 */
@Component
class DeliveryStatuses {

  /** Statuses in which the message has not left yet and an attempt may still send it. */
  static final Set<Status> UNSENT = Set.of(Status.QUEUED, Status.RETRYING);

  private final JdbcClient jdbc;
  private final DeliveryHistory history;

  DeliveryStatuses(JdbcClient jdbc, DeliveryHistory history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /**
   * Records an email to send, unless its key already has a record.
   *
   * @return the delivery's ID, new or earlier
   */
  @Transactional
  public String queue(EmailRecipe recipe, Instant now) {
    String id = Ids.next();
    int inserted =
        jdbc.sql(
                """
                insert into email_delivery
                  (id, idempotency_key, workspace_id, submission_id, recipient, recipient_id, kind,
                   subject, status, attempts, params, created_at, status_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?)
                on conflict do nothing
                """)
            .params(
                id,
                recipe.idempotencyKey(),
                recipe.workspaceId(),
                recipe.submissionId(),
                EmailDeliveries.normalize(recipe.recipient()),
                recipe.recipientId(),
                recipe.kind().name(),
                recipe.subject(),
                DeliveryRows.json(recipe.params()),
                Timestamps.param(now),
                Timestamps.param(now))
            .update();
    if (inserted == 0) {
      return jdbc.sql("select id from email_delivery where idempotency_key = ?")
          .param(recipe.idempotencyKey())
          .query(String.class)
          .single();
    }
    history.record(id, Status.QUEUED, null, now);
    return id;
  }

  /**
   * Claims the delivery for an attempt: counted, and the message gets its lasting {@code
   * Message-ID}. Only one attempt holds the claim at a time, until it reports or {@code lease}
   * passes (longer than any attempt may run). A {@code FAILED} message may be claimed again by a
   * person sending it anew under its key.
   *
   * @return whether this attempt may send; false while another one is under way
   */
  boolean claim(String deliveryId, String subject, String messageId, Instant now, Duration lease) {
    return jdbc.sql(
                """
                update email_delivery set attempts = attempts + 1, subject = ?,
                  message_id = coalesce(message_id, ?), attempt_started_at = ?
                where id = ? and status in ('QUEUED', 'RETRYING', 'FAILED')
                  and (attempt_started_at is null or attempt_started_at < ?)
                """)
            .params(
                subject,
                messageId,
                Timestamps.param(now),
                deliveryId,
                Timestamps.param(now.minus(lease)))
            .update()
        == 1;
  }

  /** The attempt failed and Temporal will try again at {@code nextAttemptAt}. */
  @Transactional
  void retrying(String deliveryId, int attempt, String error, Instant nextAttemptAt, Instant now) {
    int changed =
        jdbc.sql(
                """
                update email_delivery set status = 'RETRYING', error = ?, attempts = ?, attempt_started_at = null,
                  next_attempt_at = ?, status_at = ?
                where id = ? and status in ('QUEUED', 'RETRYING')
                """)
            .params(
                error, attempt, Timestamps.param(nextAttemptAt), Timestamps.param(now), deliveryId)
            .update();
    if (changed > 0) {
      history.record(deliveryId, Status.RETRYING, "attempt " + attempt + ": " + error, now);
    }
  }

  /** The relay accepted the message. */
  @Transactional
  void sent(String deliveryId, Instant now) {
    int changed =
        jdbc.sql(
                """
                update email_delivery set status = 'SENT', error = null, next_attempt_at = null,
                  attempt_started_at = null,
                  sent_at = ?, status_at = ?
                where id = ? and status in ('QUEUED', 'RETRYING', 'FAILED')
                """)
            .params(Timestamps.param(now), Timestamps.param(now), deliveryId)
            .update();
    if (changed > 0) {
      history.record(deliveryId, Status.SENT, null, now);
    }
  }

  /** The message will not leave: Temporal gave up, or the address is flagged. */
  @Transactional
  public void failed(String deliveryId, String reason, Instant now) {
    int changed =
        jdbc.sql(
                """
                update email_delivery set status = 'FAILED', error = ?, next_attempt_at = null,
                  attempt_started_at = null,
                  status_at = ?
                where id = ? and status in ('QUEUED', 'RETRYING', 'FAILED')
                """)
            .params(reason, Timestamps.param(now), deliveryId)
            .update();
    if (changed > 0) {
      history.record(deliveryId, Status.FAILED, reason, now);
    }
  }

  /** The email is no longer wanted and never left. */
  @Transactional
  void cancelled(String deliveryId, String why, Instant now) {
    int changed =
        jdbc.sql(
                """
                update email_delivery set status = 'CANCELLED', error = null, next_attempt_at = null,
                  status_at = ?
                where id = ? and status in ('QUEUED', 'RETRYING')
                """)
            .params(Timestamps.param(now), deliveryId)
            .update();
    if (changed > 0) {
      history.record(deliveryId, Status.CANCELLED, why, now);
    }
  }

  /**
   * The provider's word on a sent message. It is always kept in the history; it becomes the current
   * status only when it {@linkplain Status#supersedes supersedes} the current one.
   *
   * @return whether the current status changed
   */
  @Transactional
  public boolean providerSaid(String deliveryId, Status status, String reason, Instant at) {
    // The same read as EmailDeliveries.byId, in this transaction.
    EmailDelivery current =
        jdbc.sql("select " + DeliveryRows.COLUMNS + " from email_delivery where id = ?")
            .param(deliveryId)
            .query(DeliveryRows::delivery)
            .optional()
            .orElseThrow();
    history.record(deliveryId, status, reason, at);
    if (!status.supersedes(current.status())) {
      return false;
    }
    jdbc.sql(
            """
            update email_delivery set status = ?, provider_reason = coalesce(?, provider_reason),
              status_at = ?
            where id = ?
            """)
        .params(status.name(), reason, Timestamps.param(at), deliveryId)
        .update();
    return true;
  }
}
