package com.hirepilot.workflows.submission;

/**
 * The answer to a recruiter's Update (withdraw, resend).
 *
 * @param round the email round now current
 * @param changed false when the action had already been taken, so nothing happened
 */
public record ActionReceipt(SubmissionStatus status, int round, boolean changed) {}
