package com.hirepilot.app.workspace;

import java.time.Instant;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A member of the agency who submits candidates and is notified of clients' decisions.
 *
 * @param email lower case: it is how the recruiter signs in to the console
 * @param passwordHash the console password in Spring Security's delegating format, or null for a
 *     recruiter who only uses API tokens
 */
public record Recruiter(
    @Id String id,
    String workspaceId,
    String name,
    String email,
    String passwordHash,
    Role role,
    @Version Long version,
    Instant createdAt) {

  /** What a recruiter may do beyond the daily work every recruiter does. */
  public enum Role {
    /** Also changes the workspace's settings, its team and its guest collaborators. */
    ADMIN,
    RECRUITER
  }

  public static Recruiter create(
      String id,
      String workspaceId,
      String name,
      String email,
      String passwordHash,
      Role role,
      Instant now) {
    return new Recruiter(
        id, workspaceId, name, normalisedEmail(email), passwordHash, role, null, now);
  }

  public Recruiter withPasswordHash(String hash) {
    return new Recruiter(id, workspaceId, name, email, hash, role, version, createdAt);
  }

  public Recruiter withRole(Role newRole) {
    return new Recruiter(id, workspaceId, name, email, passwordHash, newRole, version, createdAt);
  }

  public static String normalisedEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }
}
