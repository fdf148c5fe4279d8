package com.hirepilot.rex.brain;

import com.hirepilot.rex.tools.Findings;
import java.util.List;

/** What an address's memberships say about where a fresh link should go. */
final class Memberships {

  private Memberships() {}

  /**
   * The job a fresh link should be for: the preferred one when the address is active on it, else
   * the only job it is active on; null when that is not clear.
   */
  static String activeJobOf(Findings.CollaboratorAccess access, String preferred) {
    if (access == null) {
      return null;
    }
    List<Findings.Membership> active =
        access.memberships().stream().filter(m -> "ACTIVE".equals(m.status())).toList();
    for (Findings.Membership m : active) {
      if (m.jobId().equals(preferred)) {
        return m.jobId();
      }
    }
    return active.size() == 1 && preferred == null ? active.get(0).jobId() : null;
  }

  /** Whether the address is active on several jobs and the user named none of them. */
  static boolean needsJob(Findings.CollaboratorAccess access, String named) {
    return access != null
        && named == null
        && access.memberships().stream().filter(m -> "ACTIVE".equals(m.status())).count() > 1;
  }

  /** The first of these jobs that shows candidates to an active collaborator, or null. */
  static String jobShowingCandidates(List<Findings.JobSubmissions> jobs) {
    for (Findings.JobSubmissions job : jobs) {
      boolean visible = job.submissions().stream().anyMatch(s -> s.visibleToClients());
      if (visible && job.activeCollaborators() > 0) {
        return job.jobId();
      }
    }
    return null;
  }
}
