package com.hirepilot.app.notification;

import com.hirepilot.workflows.submission.EmailKind;
import java.time.Instant;

/** What happened to one email, as shown to recruiters and support. */
public record EmailDelivery(
    String idempotencyKey,
    String submissionId,
    String recipient,
    EmailKind kind,
    String subject,
    Status status,
    String error,
    Instant createdAt,
    Instant sentAt) {

  public enum Status {
    PENDING,
    SENT,
    FAILED
  }
}
