package com.hirepilot.app.job;

import com.hirepilot.workflows.submission.SubmissionEventType;
import java.time.Instant;

/**
 * One line in a job's activity log.
 *
 * @param clientVisible whether the job's client collaborators may see the line in the portal
 */
public record JobActivity(
    String id,
    String jobId,
    String submissionId,
    SubmissionEventType type,
    String actor,
    boolean clientVisible,
    String detail,
    Instant at) {}
