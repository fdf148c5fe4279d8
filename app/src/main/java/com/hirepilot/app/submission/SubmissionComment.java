package com.hirepilot.app.submission;

import java.time.Instant;

/**
 * A comment on a submission: a client's, or a recruiter's reply. The body is a person's own text:
 * untrusted, never HTML.
 *
 * @param collaboratorId the client who wrote it, or null for a recruiter's reply
 * @param notifiedAt when the recruiter was told, or null while they have not been yet
 */
public record SubmissionComment(
    String id,
    String submissionId,
    String collaboratorId,
    String author,
    String body,
    Instant at,
    Instant notifiedAt) {

  /** Whether a recruiter wrote it, rather than the client. */
  public boolean fromRecruiter() {
    return collaboratorId == null;
  }
}
