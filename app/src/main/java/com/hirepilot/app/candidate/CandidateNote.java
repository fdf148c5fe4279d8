package com.hirepilot.app.candidate;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A recruiter's internal note on a candidate: the agency's own, never shown to clients. */
record CandidateNote(
    @Id String id,
    String workspaceId,
    String candidateId,
    String recruiterId,
    String author,
    String body,
    @Version Long version,
    Instant createdAt) {}
