package com.hirepilot.app.job;

/** A client person lost access to a job; whatever grants that access must now be revoked. */
public record CollaboratorRemoved(String collaboratorId) {}
