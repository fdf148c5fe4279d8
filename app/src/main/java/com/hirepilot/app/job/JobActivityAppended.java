package com.hirepilot.app.job;

/**
 * A line was added to the job's activity log. Published inside the writer's transaction, so
 * listeners that want the committed line listen after commit.
 *
 * @param submissionId the submission the line is about, or null for a line about the job
 */
public record JobActivityAppended(
    String jobId,
    String submissionId,
    com.hirepilot.workflows.submission.SubmissionEventType type,
    boolean clientVisible) {}
