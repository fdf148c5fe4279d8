package com.hirepilot.workflows.submission;

/**
 * A client's comment, already stored; the signal carries its ID only, so the client's words never
 * land in workflow history.
 */
public record ClientComment(String commentId, String collaboratorId, String actor) {}
