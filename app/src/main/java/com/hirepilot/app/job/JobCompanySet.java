package com.hirepilot.app.job;

/**
 * A job was opened, or its client company changed: the guests of that company join it, and guests
 * of a company it no longer has leave it. Published inside the job's transaction.
 */
record JobCompanySet(String workspaceId, String jobId) {}
