package com.hirepilot.workflows.submission;

import java.time.Instant;

/** One step in a submission's history, as shown to the recruiter and support. */
public record TimelineEntry(Instant at, SubmissionEventType type, String actor, String detail) {}
