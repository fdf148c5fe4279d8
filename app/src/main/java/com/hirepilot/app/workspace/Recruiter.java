package com.hirepilot.app.workspace;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A member of the agency who submits candidates and is notified of clients' decisions.
 *
 * @param apiTokenHash SHA-256 of the recruiter's API token; the token itself is never stored
 */
public record Recruiter(
    @Id String id,
    String workspaceId,
    String name,
    String email,
    String apiTokenHash,
    @Version Long version,
    Instant createdAt) {

  public static Recruiter create(
      String id, String workspaceId, String name, String email, String apiToken, Instant now) {
    return new Recruiter(id, workspaceId, name, email, TokenHashes.sha256(apiToken), null, now);
  }
}
