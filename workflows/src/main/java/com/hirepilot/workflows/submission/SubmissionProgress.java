package com.hirepilot.workflows.submission;

import java.time.Instant;
import java.util.List;

/**
 * How far a submission's lifecycle had got, as the database recorded it, so that a workflow started
 * again after a restart carries on instead of starting over.
 *
 * @param round the email round: 1 for the submission email, one more for each resend
 * @param roundSentAt when that round's email went out, or null if it has not yet
 * @param reminderStep how many deadlines of the reminder schedule this round has passed
 * @param remindersSent reminders sent over the submission's life
 * @param recruiterAlerted whether the recruiter was already alerted that this round went unanswered
 * @param decision the client's decision on record, or null; its follow-ups run again (each is
 *     idempotent), the decision itself is not taken again
 * @param withdrawal the recruiter's withdrawal on record, or null
 * @param unnotifiedCommentIds client comments stored but not yet passed on to the recruiter
 */
public record SubmissionProgress(
    int round,
    Instant roundSentAt,
    int reminderStep,
    int remindersSent,
    boolean recruiterAlerted,
    ClientDecision decision,
    RecruiterAction withdrawal,
    List<String> unnotifiedCommentIds) {}
