package com.hirepilot.app.notification;

import com.hirepilot.workflows.submission.EmailKind;

/**
 * One message ready to send. Both bodies are complete; the HTML one is already escaped.
 *
 * @param submissionId the submission the email is about, or null; its emails share one thread
 * @param replyTo where the recipient's reply goes (the recruiter), or null for the sender
 */
public record OutgoingEmail(
    String workspaceId,
    String submissionId,
    EmailKind kind,
    String to,
    String subject,
    String text,
    String html,
    String replyTo) {

  public OutgoingEmail(
      String workspaceId,
      String submissionId,
      EmailKind kind,
      String to,
      String subject,
      String text,
      String html) {
    this(workspaceId, submissionId, kind, to, subject, text, html, null);
  }

  public OutgoingEmail withReplyTo(String address) {
    return new OutgoingEmail(workspaceId, submissionId, kind, to, subject, text, html, address);
  }
}
