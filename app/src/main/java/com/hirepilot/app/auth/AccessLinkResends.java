package com.hirepilot.app.auth;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * A recruiter, or support through REX, emails a collaborator a fresh sign-in link. The sender never
 * sees the link; the job's activity records who sent it (security.md, line 12).
 */
@Service
public class AccessLinkResends {

  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final AccessLinkMail mail;
  private final JobActivityLog activity;
  private final AddressFlags flags;
  private final Clock clock;

  AccessLinkResends(
      JobService jobs,
      JobCollaborators collaborators,
      AccessLinkMail mail,
      JobActivityLog activity,
      AddressFlags flags,
      Clock clock) {
    this.flags = flags;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.mail = mail;
    this.activity = activity;
    this.clock = clock;
  }

  /**
   * Sends the link once per {@code requestKey}: a repeated request with the same key sends nothing
   * more.
   *
   * @param sentBy who asked, as the activity log shows them
   * @throws NotFoundException when the job is not the workspace's, or the collaborator is not an
   *     active collaborator on it
   * @throws com.hirepilot.app.notification.FlaggedAddressesException when the address bounced, was
   *     dropped or reported our mail as spam: the recruiter confirms or corrects it first
   */
  public Collaborator send(
      String workspaceId, String jobId, String collaboratorId, String sentBy, String requestKey) {
    jobs.get(workspaceId, jobId);
    Collaborator collaborator =
        collaborators
            .find(collaboratorId)
            .filter(c -> c.jobId().equals(jobId) && c.isActive())
            .orElseThrow(() -> new NotFoundException("Collaborator"));
    flags.refuseFlagged(workspaceId, java.util.List.of(collaborator.email()));
    String key = "access-link/" + collaborator.id() + "/" + requestKey;
    mail.send(collaborator, LoginLinks.Purpose.INVITATION, key);
    activity.append(
        key,
        jobId,
        null,
        SubmissionEventType.ACCESS_LINK_SENT,
        sentBy,
        false,
        sentBy + " sent " + collaborator.displayName() + " a fresh sign-in link",
        clock.instant());
    return collaborator;
  }
}
