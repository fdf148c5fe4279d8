package com.hirepilot.app.notification;

import com.hirepilot.workflows.submission.EmailKind;

/**
 * One message ready to send. Both bodies are complete; the HTML one is already escaped.
 *
 * @param submissionId the submission the email is about, or null
 */
public record OutgoingEmail(
    String workspaceId,
    String submissionId,
    EmailKind kind,
    String to,
    String subject,
    String text,
    String html) {}
