package com.hirepilot.app.notification;

import com.hirepilot.workflows.submission.EmailKind;
import java.time.Instant;
import java.util.List;

/**
 * What happened to one email to one recipient, as recruiters and support read it.
 *
 * @param id the delivery's own ID, which the message carries to SendGrid as {@code hp_delivery}
 * @param error the last attempt's error while {@code RETRYING}, or why it {@code FAILED}
 * @param attempts how many times the message was handed to the SMTP relay so far
 * @param nextAttemptAt when Temporal tries again, while {@code RETRYING}
 * @param providerReason SendGrid's reason for a bounce, drop or deferral
 * @param statusAt when the current status was reached
 * @param history every status change, oldest first; empty where it was not read
 */
public record EmailDelivery(
    String id,
    String idempotencyKey,
    String submissionId,
    String recipient,
    EmailKind kind,
    String subject,
    Status status,
    String error,
    int attempts,
    Instant nextAttemptAt,
    String providerReason,
    Instant createdAt,
    Instant sentAt,
    Instant statusAt,
    List<StatusChange> history) {

  public EmailDelivery withHistory(List<StatusChange> changes) {
    return new EmailDelivery(
        id,
        idempotencyKey,
        submissionId,
        recipient,
        kind,
        subject,
        status,
        error,
        attempts,
        nextAttemptAt,
        providerReason,
        createdAt,
        sentAt,
        statusAt,
        List.copyOf(changes));
  }

  /** Whether someone has to act: the message never left, or the provider refused it. */
  public boolean needsAttention() {
    return status.needsAttention();
  }

  /**
   * The delivery statuses in the order a message moves through them. Ours come first (until the
   * relay accepts the message), then SendGrid's word on it.
   */
  public enum Status {
    /** Recorded, not yet handed to the relay. */
    QUEUED(0),
    /** An attempt failed; Temporal tries again at {@code nextAttemptAt}. */
    RETRYING(1),
    /** The SMTP relay accepted the message. */
    SENT(2),
    /** Temporal gave up (or the address is flagged): the message never left. */
    FAILED(2),
    /** No longer wanted before it left (the client answered while the relay was down). */
    CANCELLED(2),
    /** The receiving server is slow to take it; SendGrid keeps trying for up to 72 hours. */
    DEFERRED(3),
    /** The receiving server accepted it. A spam filter may still hide it. */
    DELIVERED(4),
    /** The receiving server refused it for good, for instance "mailbox does not exist". */
    BOUNCED(5),
    /** SendGrid would not send it, for instance to an address that bounced before. */
    DROPPED(5),
    /** The recipient marked it as spam; SendGrid sends them nothing more. */
    SPAM_REPORT(5);

    private final int rank;

    Status(int rank) {
      this.rank = rank;
    }

    /**
     * Whether this status replaces the current one. Provider events arrive out of order: a late
     * "deferred" never hides a delivery, but a bounce after a delivery is the later truth.
     */
    public boolean supersedes(Status current) {
      return rank >= current.rank;
    }

    public boolean needsAttention() {
      return this == FAILED || this == BOUNCED || this == DROPPED || this == SPAM_REPORT;
    }

    /** A provider's word that makes the address unsafe to send to until someone checks it. */
    public boolean flagsAddress() {
      return this == BOUNCED || this == DROPPED || this == SPAM_REPORT;
    }
  }

  /** One step of a delivery's history. */
  public record StatusChange(Status status, Instant at, String detail) {}
}
