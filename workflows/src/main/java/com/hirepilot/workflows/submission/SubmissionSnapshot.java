package com.hirepilot.workflows.submission;

import java.time.Instant;
import java.util.List;

/**
 * The workflow's view of a running submission, answered by its query.
 *
 * @param stage the candidate's pipeline stage for this job, or null before it first moves
 * @param decision the client's decision so far, or null
 * @param remindersSent reminders sent over the submission's life
 * @param nextReminderAt when the next reminder is due, or null when none is scheduled
 * @param round the email round: 1, plus one for each resend
 * @param recruiterAlerted whether the recruiter was alerted that the current round went unanswered
 * @param timeline what this run of the workflow did (the full history is in the database)
 * @param emails the batches of email this run sent
 */
public record SubmissionSnapshot(
    SubmissionStatus status,
    String stage,
    Decision decision,
    int remindersSent,
    Instant nextReminderAt,
    int round,
    boolean recruiterAlerted,
    List<TimelineEntry> timeline,
    List<EmailSend> emails) {}
