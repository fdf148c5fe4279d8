package com.hirepilot.workflows.submission;

/**
 * The answer to a decision Update.
 *
 * @param changed false when the same decision had already been taken, so nothing happened
 */
public record DecisionReceipt(SubmissionStatus status, boolean changed) {}
