package com.hirepilot.workflows.submission;

/**
 * What the workflow needs to start: identifiers only, so that nothing a client must not see (notes,
 * contact details) ever lands in workflow history.
 */
public record SubmissionRequest(
    String submissionId, String workspaceId, String jobId, String candidateId) {}
