package com.hirepilot.app.job;

/**
 * A line was added to the job's activity log. Published inside the writer's transaction, so
 * listeners that want the committed line listen after commit.
 */
public record JobActivityAppended(String jobId, boolean clientVisible) {}
