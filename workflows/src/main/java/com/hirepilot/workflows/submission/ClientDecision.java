package com.hirepilot.workflows.submission;

/**
 * A client's decision, delivered to the workflow as an Update.
 *
 * @param collaboratorId who decided (the portal session's collaborator)
 * @param actor the collaborator's display name, for timelines and notifications
 * @param reason optional free text from the client; untrusted
 * @param availability optional interview availability; untrusted
 */
public record ClientDecision(
    String collaboratorId, String actor, Decision decision, String reason, String availability) {}
