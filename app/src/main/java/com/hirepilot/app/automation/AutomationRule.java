package com.hirepilot.app.automation;

import com.hirepilot.workflows.submission.AutomationTrigger;
import java.time.Instant;
import java.util.List;

/** A workspace's rule, with its actions' secrets decrypted (in memory only). */
record AutomationRule(
    String id,
    String workspaceId,
    String name,
    AutomationTrigger trigger,
    RuleConditions conditions,
    List<RuleAction> actions,
    boolean paused,
    String createdBy,
    Instant createdAt) {}
