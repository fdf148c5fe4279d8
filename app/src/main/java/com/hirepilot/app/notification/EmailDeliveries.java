package com.hirepilot.app.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.notification.EmailDelivery.Status;
import com.hirepilot.app.notification.EmailDelivery.StatusChange;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.EmailKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery record of every email to every recipient, keyed by the idempotency key of the step
 * that sends it, with the timestamped history of its statuses. Other features read deliveries
 * through here; only this package writes them.
 */
@Component
public class EmailDeliveries {

  private static final String COLUMNS =
      "id, idempotency_key, workspace_id, submission_id, recipient, recipient_id, kind, subject,"
          + " status, error, attempts, next_attempt_at, provider_reason, message_id, params,"
          + " created_at, sent_at, status_at";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};

  /** Statuses in which the message has not left yet and an attempt may still send it. */
  static final Set<Status> UNSENT = Set.of(Status.QUEUED, Status.RETRYING);

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  EmailDeliveries(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Every email to this address in the workspace, newest first, with histories (support). */
  public List<EmailDelivery> toRecipient(String workspaceId, String recipient, int limit) {
    return withHistories(
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from email_delivery where workspace_id = ? and recipient = ?"
                    + " order by created_at desc, id limit ?")
            .params(workspaceId, normalize(recipient), limit)
            .query(EmailDeliveries::delivery)
            .list());
  }

  public Optional<EmailDelivery> find(String idempotencyKey) {
    return jdbc.sql("select " + COLUMNS + " from email_delivery where idempotency_key = ?")
        .param(idempotencyKey)
        .query(EmailDeliveries::delivery)
        .optional();
  }

  public Optional<EmailDelivery> byId(String deliveryId) {
    return jdbc.sql("select " + COLUMNS + " from email_delivery where id = ?")
        .param(deliveryId)
        .query(EmailDeliveries::delivery)
        .optional();
  }

  /** The delivery whose message carried this {@code Message-ID} (SendGrid's {@code smtp-id}). */
  public Optional<EmailDelivery> byMessageId(String messageId) {
    return jdbc.sql("select " + COLUMNS + " from email_delivery where message_id = ?")
        .param(messageId)
        .query(EmailDeliveries::delivery)
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
    return withHistories(
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from email_delivery where submission_id = ? order by created_at, id")
            .param(submissionId)
            .query(EmailDeliveries::delivery)
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
        .query(EmailDeliveries::delivery)
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
        .query(EmailDeliveries::delivery)
        .list();
  }

  /** The message as the sender recorded it, for building it at an attempt. */
  Optional<QueuedEmail> queued(String deliveryId) {
    return jdbc.sql("select " + COLUMNS + " from email_delivery where id = ?")
        .param(deliveryId)
        .query(EmailDeliveries::queuedEmail)
        .optional();
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
                normalize(recipe.recipient()),
                recipe.recipientId(),
                recipe.kind().name(),
                recipe.subject(),
                json(recipe.params()),
                Timestamps.param(now),
                Timestamps.param(now))
            .update();
    if (inserted == 0) {
      return jdbc.sql("select id from email_delivery where idempotency_key = ?")
          .param(recipe.idempotencyKey())
          .query(String.class)
          .single();
    }
    record(id, Status.QUEUED, null, now);
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
  boolean claim(
      String deliveryId, String subject, String messageId, Instant now, java.time.Duration lease) {
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
      record(deliveryId, Status.RETRYING, "attempt " + attempt + ": " + error, now);
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
      record(deliveryId, Status.SENT, null, now);
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
      record(deliveryId, Status.FAILED, reason, now);
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
      record(deliveryId, Status.CANCELLED, why, now);
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
    EmailDelivery current = byId(deliveryId).orElseThrow();
    record(deliveryId, status, reason, at);
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

  private void record(String deliveryId, Status status, String detail, Instant at) {
    jdbc.sql(
            "insert into email_delivery_event (id, delivery_id, status, at, detail)"
                + " values (?, ?, ?, ?, ?)")
        .params(Ids.next(), deliveryId, status.name(), Timestamps.param(at), detail)
        .update();
    events.publishEvent(new EmailDeliveryChanged(deliveryId, status));
  }

  /** Reads the histories of all the deliveries in one statement. */
  private List<EmailDelivery> withHistories(List<EmailDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return deliveries;
    }
    Map<String, List<StatusChange>> changes =
        jdbc
            .sql(
                """
                select delivery_id, status, at, detail from email_delivery_event
                where delivery_id in (:ids) order by at, id
                """)
            .param("ids", deliveries.stream().map(EmailDelivery::id).toList())
            .query(
                (rs, n) ->
                    Map.entry(
                        rs.getString("delivery_id"),
                        new StatusChange(
                            Status.valueOf(rs.getString("status")),
                            Timestamps.read(rs, "at"),
                            rs.getString("detail"))))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    LinkedHashMap::new,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return deliveries.stream()
        .map(d -> d.withHistory(changes.getOrDefault(d.id(), List.of())))
        .toList();
  }

  static String normalize(String address) {
    return address.trim().toLowerCase(Locale.ROOT);
  }

  private static String json(Map<String, String> params) {
    try {
      return params == null || params.isEmpty() ? null : JSON.writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Map<String, String> params(String json) {
    try {
      return json == null ? Map.of() : JSON.readValue(json, PARAMS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable delivery params " + json, e);
    }
  }

  private static EmailDelivery delivery(ResultSet rs, int rowNum) throws SQLException {
    return new EmailDelivery(
        rs.getString("id"),
        rs.getString("idempotency_key"),
        rs.getString("submission_id"),
        rs.getString("recipient"),
        EmailKind.valueOf(rs.getString("kind")),
        rs.getString("subject"),
        Status.valueOf(rs.getString("status")),
        rs.getString("error"),
        rs.getInt("attempts"),
        Timestamps.read(rs, "next_attempt_at"),
        rs.getString("provider_reason"),
        Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "sent_at"),
        Timestamps.read(rs, "status_at"),
        List.of());
  }

  private static QueuedEmail queuedEmail(ResultSet rs, int rowNum) throws SQLException {
    return new QueuedEmail(
        rs.getString("id"),
        Status.valueOf(rs.getString("status")),
        new EmailRecipe(
            rs.getString("idempotency_key"),
            rs.getString("workspace_id"),
            rs.getString("submission_id"),
            EmailKind.valueOf(rs.getString("kind")),
            rs.getString("recipient"),
            rs.getString("recipient_id"),
            rs.getString("subject"),
            params(rs.getString("params"))),
        rs.getString("message_id"));
  }
}
