package com.hirepilot.workflows.submission;

/**
 * A recruiter acting on a submission (withdraw).
 *
 * @param actor the recruiter's display name, for timelines
 */
public record RecruiterAction(String recruiterId, String actor) {}
