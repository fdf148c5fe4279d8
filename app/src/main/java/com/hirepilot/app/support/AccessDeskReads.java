package com.hirepilot.app.support;

import static com.hirepilot.app.support.DeskFindings.at;

import com.hirepilot.app.auth.LoginLinks;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.notification.EmailDeliveries;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Findings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What REX looks up for a recruiter when a client cannot get in or did not get an email: a
 * collaborator's memberships and sign-in links, and what was sent to an address and whether it is
 * flagged. Each lookup is bounded by the caller's workspace and runs in one read-only transaction.
 */
@Service
class AccessDeskReads {

  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final LoginLinks links;
  private final EmailDeliveries deliveries;
  private final AddressFlags flags;
  private final Clock clock;

  AccessDeskReads(
      JobService jobs,
      JobCollaborators collaborators,
      LoginLinks links,
      EmailDeliveries deliveries,
      AddressFlags flags,
      Clock clock) {
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.links = links;
    this.deliveries = deliveries;
    this.flags = flags;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Findings.CollaboratorAccess collaboratorAccess(Caller caller, String email, String jobId) {
    List<Collaborator> records =
        collaborators.byEmail(caller.workspaceId(), email).stream()
            .filter(c -> jobId == null || jobId.isBlank() || c.jobId().equals(jobId))
            .toList();
    Map<String, String> titles = jobs.titles(records.stream().map(Collaborator::jobId).toList());
    Map<String, LoginLinks.History> history =
        links.historyOf(records.stream().map(Collaborator::id).toList());
    Instant now = clock.instant();
    List<Findings.Membership> memberships = new ArrayList<>();
    for (Collaborator c : records) {
      LoginLinks.History h = history.get(c.id());
      String state = !c.isActive() ? "REVOKED" : h == null ? "NONE" : h.lastLinkState(now);
      memberships.add(
          new Findings.Membership(
              c.jobId(),
              titles.get(c.jobId()),
              c.id(),
              c.status().name(),
              at(c.createdAt()),
              h == null ? null : at(h.lastSentAt()),
              h == null ? null : h.lastPurpose().name(),
              state,
              h == null ? null : at(h.lastExpiresAt()),
              h == null || h.lastSignInAt() == null ? null : at(h.lastSignInAt())));
    }
    return new Findings.CollaboratorAccess(Collaborator.normalizeEmail(email), memberships);
  }

  @Transactional(readOnly = true)
  public Findings.EmailDeliveries emailDeliveries(Caller caller, String email) {
    // Three statements however many emails: the deliveries, their histories, the address's flag.
    List<Findings.Delivery> rows =
        deliveries.toRecipient(caller.workspaceId(), email, 20).stream()
            .map(DeskFindings::delivery)
            .toList();
    Findings.AddressFlag flag =
        flags
            .find(caller.workspaceId(), email)
            .map(f -> new Findings.AddressFlag(f.status().name(), f.reason(), at(f.flaggedAt())))
            .orElse(null);
    return new Findings.EmailDeliveries(Collaborator.normalizeEmail(email), flag, rows);
  }
}
