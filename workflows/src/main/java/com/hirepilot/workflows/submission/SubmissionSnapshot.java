package com.hirepilot.workflows.submission;

import java.time.Instant;
import java.util.List;

/**
 * The workflow's view of a running submission, answered by its query.
 *
 * @param stage the candidate's pipeline stage for this job, or null before it first moves
 * @param decision the client's decision so far, or null
 * @param nextReminderAt when the next reminder is due, or null when none is scheduled
 */
public record SubmissionSnapshot(
    SubmissionStatus status,
    String stage,
    Decision decision,
    int remindersSent,
    Instant nextReminderAt,
    List<TimelineEntry> timeline) {}
