package com.hirepilot.app.submission;

import java.time.Instant;

/**
 * A client's comment on a submission. The body is the client's own text: untrusted, never HTML.
 *
 * @param notifiedAt when the recruiter was told, or null while they have not been yet
 */
public record SubmissionComment(
    String id,
    String submissionId,
    String collaboratorId,
    String author,
    String body,
    Instant at,
    Instant notifiedAt) {}
