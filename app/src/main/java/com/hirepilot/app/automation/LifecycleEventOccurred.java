package com.hirepilot.app.automation;

import com.hirepilot.workflows.submission.AutomationTrigger;
import java.time.Instant;

/**
 * Something happened in a submission's lifecycle that automation rules may act on.
 *
 * @param deliveryKey the same for every retry of this event, so rules can act on it once
 */
public record LifecycleEventOccurred(
    String deliveryKey,
    AutomationTrigger trigger,
    String workspaceId,
    String jobId,
    String submissionId,
    String candidateId,
    Instant at) {}
