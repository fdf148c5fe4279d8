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

  /** The same person without access to the job; the record stays so their history keeps a name. */
  public Collaborator removed() {
    return new Collaborator(
        id, workspaceId, jobId, email, name, Status.REMOVED, version, createdAt);
  }

  /**
   * The person back on the job under the record they had, so their history stays theirs; a null
   * name keeps the one they had.
   */
  public Collaborator restored(String newName) {
    return new Collaborator(
        id,
        workspaceId,
        jobId,
        email,
        newName == null ? name : newName,
        Status.ACTIVE,
        version,
        createdAt);
  }

  /** The same access under another name; a null name keeps the one they had. */
  public Collaborator renamed(String newName) {
    return new Collaborator(
        id,
        workspaceId,
        jobId,
        email,
        newName == null ? name : newName,
        status,
        version,
        createdAt);
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
