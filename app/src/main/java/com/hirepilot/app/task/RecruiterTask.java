package com.hirepilot.app.task;

import java.time.Instant;

/**
 * A follow-up for one recruiter.
 *
 * @param jobId the job it is about, or null
 * @param submissionId the submission it is about, or null
 * @param doneAt when the recruiter ticked it off, or null while it is open
 */
public record RecruiterTask(
    String id,
    String workspaceId,
    String recruiterId,
    String jobId,
    String submissionId,
    String title,
    Instant createdAt,
    Instant doneAt) {}
