package com.hirepilot.app.job;

import java.time.Instant;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A client person invited to review one job's submissions. Portal access is always bound to this
 * record: removing it ends the person's links and sessions for the job.
 */
public record Collaborator(
    @Id String id,
    String workspaceId,
    String jobId,
    String email,
    String name,
    Status status,
    @Version Long version,
    Instant createdAt) {

  public enum Status {
    ACTIVE,
    REMOVED
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  public Collaborator removed() {
    return new Collaborator(
        id, workspaceId, jobId, email, name, Status.REMOVED, version, createdAt);
  }

  /** Addresses compare case-insensitively; stored in one spelling so lookups can match. */
  public static String normalizeEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  /** How mail and pages greet the person: their name, or their address when none was given. */
  public String displayName() {
    return name == null || name.isBlank() ? email : name;
  }
}
