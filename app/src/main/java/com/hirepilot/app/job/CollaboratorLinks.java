package com.hirepilot.app.job;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the recruiter may know of collaborators' sign-in links, never the links themselves. The
 * links live in the auth feature, which depends on this one; it implements this so the job API can
 * show them without a cycle between the two.
 */
public interface CollaboratorLinks {

  /**
   * @param linkStatus {@code NONE} (no link sent), {@code ACTIVE} (an unused, unexpired link
   *     exists), else the state of the latest link: {@code USED}, {@code EXPIRED} or {@code
   *     REVOKED}
   * @param lastSeenAt when they last signed in to the portal with a link
   */
  record LinkSummary(Instant lastLinkSentAt, Instant lastSeenAt, String linkStatus) {
    public static final LinkSummary NONE = new LinkSummary(null, null, "NONE");
  }

  /** The summary of each collaborator's links, in one statement whatever their number. */
  Map<String, LinkSummary> summaries(Collection<String> collaboratorIds);
}
