package com.hirepilot.workflows.submission;

import java.time.Instant;

/**
 * One batch of email a workflow run sent, for its query; the per-recipient delivery records live in
 * the application's database.
 *
 * @param kind SUBMISSION, REMINDER or RECRUITER_ALERT
 * @param reminder the reminder's number in its round, or 0
 */
public record EmailSend(EmailKind kind, int round, int reminder, int recipients, Instant at) {}
