package com.hirepilot.workflows.submission;

import java.time.Instant;
import java.util.List;

/**
 * The running workflow's live view of its submission, answered by its query. Status, stage,
 * decision and reminder progress are the lifecycle's state. The two lists cover only this run of
 * the workflow: a run resumed after a restart starts them again with {@code RESUMED}. The
 * submission's whole history is the database's (the app's {@code SubmissionOverview}).
 *
 * @param stage the candidate's pipeline stage for this job, or null before this run moved it
 * @param decision the client's decision so far, or null
 * @param remindersSent reminders sent over the submission's life
 * @param nextReminderAt when the next reminder is due, or null when none is scheduled
 * @param round the email round: 1, plus one for each resend
 * @param recruiterAlerted whether the recruiter was alerted that the current round went unanswered
 * @param runTimeline what this run did, in order
 * @param runEmails the batches of email this run sent
 */
public record SubmissionSnapshot(
    SubmissionStatus status,
    PipelineStage stage,
    Decision decision,
    int remindersSent,
    Instant nextReminderAt,
    int round,
    boolean recruiterAlerted,
    List<TimelineEntry> runTimeline,
    List<EmailSend> runEmails) {}
