package com.hirepilot.app.workspace;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One of a recruiter's API tokens. Only its hash is kept; the token itself is shown once, when it
 * is created. A revoked token stays listed, so the console can say when it stopped working.
 */
public record ApiToken(
    @Id String id,
    String workspaceId,
    String recruiterId,
    String name,
    String tokenHash,
    Instant createdAt,
    Instant revokedAt,
    @Version Long version) {

  public boolean active() {
    return revokedAt == null;
  }
}
