package com.hirepilot.app.automation;

/**
 * Runs the workspace's automation rules for a lifecycle event. Called from a Temporal activity, so
 * an implementation must be idempotent under {@link LifecycleEventOccurred#deliveryKey()}: a retry
 * hands the same event over again.
 */
public interface AutomationEngine {

  void handle(LifecycleEventOccurred event);
}
