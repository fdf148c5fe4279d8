package com.hirepilot.app.job;

import java.time.Instant;

/**
 * A collaborator as the recruiter sees them: who, whether they still have access, and how their
 * sign-in links stand (never the links themselves). The recruiter API and the console show the
 * same.
 *
 * @param invitedAt when they were added to the job
 * @param linkStatus {@code NONE}, {@code ACTIVE}, {@code USED}, {@code EXPIRED} or {@code REVOKED}
 *     (see {@link CollaboratorLinks.LinkSummary})
 */
public record CollaboratorStanding(
    String id,
    String email,
    String name,
    Collaborator.Status status,
    Instant invitedAt,
    Instant lastLinkSentAt,
    Instant lastSeenAt,
    String linkStatus) {

  public boolean isActive() {
    return status == Collaborator.Status.ACTIVE;
  }

  /** How pages greet the person: their name, or their address when none was given. */
  public String displayName() {
    return name == null || name.isBlank() ? email : name;
  }

  static CollaboratorStanding of(Collaborator c, CollaboratorLinks.LinkSummary links) {
    CollaboratorLinks.LinkSummary summary =
        links == null ? CollaboratorLinks.LinkSummary.NONE : links;
    return new CollaboratorStanding(
        c.id(),
        c.email(),
        c.name(),
        c.status(),
        c.createdAt(),
        summary.lastLinkSentAt(),
        summary.lastSeenAt(),
        // A removed collaborator's access, and with it every link, has ended.
        c.isActive() ? summary.linkStatus() : "REVOKED");
  }
}
