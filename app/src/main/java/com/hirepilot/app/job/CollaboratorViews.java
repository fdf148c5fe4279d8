package com.hirepilot.app.job;

import com.hirepilot.app.notification.AddressFlags;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How the recruiter API shows collaborators, shared by the job's own answer and the collaborator
 * endpoints so both show a person the same way.
 */
@Component
class CollaboratorViews {

  private final JobCollaborators collaborators;
  private final AddressFlags flags;

  CollaboratorViews(JobCollaborators collaborators, AddressFlags flags) {
    this.collaborators = collaborators;
    this.flags = flags;
  }

  /**
   * A collaborator as the recruiter sees them: who, whether they still have access, and how their
   * sign-in links stand (never the links themselves).
   *
   * @param addressFlag why new mail to the address waits for the recruiter (it bounced, was dropped
   *     or reported our mail as spam), or null
   */
  record CollaboratorView(
      String id,
      String email,
      String name,
      String status,
      Instant invitedAt,
      Instant lastLinkSentAt,
      Instant lastSeenAt,
      String linkStatus,
      AddressFlagView addressFlag) {}

  /**
   * @param status {@code BOUNCED}, {@code DROPPED} or {@code SPAM_REPORT}
   * @param reason the provider's words, such as "550 5.1.1 mailbox does not exist"
   */
  record AddressFlagView(String status, String reason, String description, Instant flaggedAt) {

    static AddressFlagView of(AddressFlags.Flag flag) {
      return flag == null
          ? null
          : new AddressFlagView(
              flag.status().name(), flag.reason(), flag.describe(), flag.flaggedAt());
    }
  }

  /**
   * The job's collaborators, their links and their address flags: three statements whatever their
   * number.
   */
  List<CollaboratorView> ofJob(Job job) {
    return views(job.workspaceId(), collaborators.standingsOf(job.id()));
  }

  /** These collaborators, their links and their address flags. */
  List<CollaboratorView> of(String workspaceId, List<Collaborator> some) {
    return views(workspaceId, collaborators.standings(some));
  }

  private List<CollaboratorView> views(String workspaceId, List<CollaboratorStanding> standings) {
    Map<String, AddressFlags.Flag> flagged =
        flags.among(workspaceId, standings.stream().map(CollaboratorStanding::email).toList());
    return standings.stream()
        .map(
            c ->
                new CollaboratorView(
                    c.id(),
                    c.email(),
                    c.name(),
                    c.status().name(),
                    c.invitedAt(),
                    c.lastLinkSentAt(),
                    c.lastSeenAt(),
                    c.linkStatus(),
                    AddressFlagView.of(flagged.get(c.email()))))
        .toList();
  }
}
