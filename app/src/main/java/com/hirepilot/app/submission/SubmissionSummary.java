package com.hirepilot.app.submission;

import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.PipelineStage;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Instant;

/**
 * Where a submission stands, as the database records it: what a list of submissions shows, and the
 * head of a single submission's {@link SubmissionDetails}. The activities keep every field here
 * current, so no list ever has to ask a workflow.
 *
 * @param stage the candidate's pipeline stage for the job
 * @param round 1 for the submission email, one more for each resend
 * @param remindersSent reminders sent over the submission's life
 * @param nextReminderAt when the next reminder is due, or null when none is
 * @param recruiterAlerted whether the recruiter was alerted that the current round went unanswered
 * @param emailFailing whether an email about it has not been accepted by the SMTP server yet
 * @param needsAttention still open and either unanswered after the last reminder or with a failing
 *     email: the recruiter should act
 * @param settledAt when the lifecycle finished everything, or null while its workflow has work
 */
public record SubmissionSummary(
    String id,
    String workflowId,
    String jobId,
    String jobTitle,
    String candidateId,
    String candidateName,
    SubmissionStatus status,
    PipelineStage stage,
    Decision decision,
    int round,
    int remindersSent,
    Instant nextReminderAt,
    boolean recruiterAlerted,
    boolean emailFailing,
    boolean needsAttention,
    String reminderSchedule,
    Instant submittedAt,
    Instant settledAt) {}
