package com.hirepilot.app.submission;

/**
 * Something about a submission changed that its job's activity log may not show: an email went out
 * or failed, a reminder was sent, its status advanced. The console's live pages refresh on it.
 * Published inside the writer's transaction (if any), so listeners that read the change listen
 * after commit.
 */
public record SubmissionChanged(String submissionId) {}
