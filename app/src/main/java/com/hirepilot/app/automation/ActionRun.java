package com.hirepilot.app.automation;

/**
 * One action to perform for one run of a rule.
 *
 * @param deliveryId the same on every attempt of this action ({@code X-HirePilot-Delivery})
 * @param ruleName the rule's name, for messages and logs
 * @param event the lifecycle event the rule fired on
 * @param decision the client's decision (APPROVE, REJECT, REQUEST_INTERVIEW), when the event is one
 * @param reason the client's reason, when they gave one; untrusted text
 */
public record ActionRun(
    String runId,
    int actionIndex,
    String deliveryId,
    String ruleId,
    String ruleName,
    RuleAction action,
    LifecycleEventOccurred event,
    String decision,
    String reason) {}
