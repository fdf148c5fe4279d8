package com.hirepilot.app.job;

import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who on the client's side may review a job: inviting, renaming, moving to another address and
 * removing them, and how their sign-in links and addresses stand. Kept apart from {@link
 * JobService} because access rules (security.md) change for other reasons than jobs do.
 */
@Service
public class JobCollaborators {

  private final JobService jobs;
  private final JobReads reads;
  private final Collaborators collaborators;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final CollaboratorLinks links;
  private final AddressFlags flags;
  private final JobActivityLog activityLog;

  JobCollaborators(
      JobService jobs,
      JobReads reads,
      Collaborators collaborators,
      ApplicationEventPublisher events,
      Clock clock,
      CollaboratorLinks links,
      AddressFlags flags,
      JobActivityLog activityLog) {
    this.jobs = jobs;
    this.reads = reads;
    this.collaborators = collaborators;
    this.events = events;
    this.clock = clock;
    this.links = links;
    this.flags = flags;
    this.activityLog = activityLog;
  }

  public Optional<Collaborator> find(String collaboratorId) {
    return reads.collaborator(collaboratorId);
  }

  /** The active collaborator records of an address, newest first (one per job). */
  public List<Collaborator> activeByEmail(String email) {
    return collaborators.findByEmailAndStatusOrderByCreatedAtDesc(
        Collaborator.normalizeEmail(email), Collaborator.Status.ACTIVE);
  }

  /** Each collaborator's display name by ID, in one query; unknown IDs are left out. */
  public Map<String, String> displayNames(Collection<String> collaboratorIds) {
    if (collaboratorIds.isEmpty()) {
      return Map.of();
    }
    return collaborators.findAllById(collaboratorIds).stream()
        .collect(Collectors.toMap(Collaborator::id, Collaborator::displayName));
  }

  /** Every collaborator record of this address in the workspace, removed ones included. */
  @Transactional(readOnly = true)
  public List<Collaborator> byEmail(String workspaceId, String email) {
    return collaborators.findByWorkspaceIdAndEmailOrderByCreatedAt(
        workspaceId, Collaborator.normalizeEmail(email));
  }

  public List<Collaborator> onJob(String jobId) {
    return collaborators.findByJobIdOrderByCreatedAt(jobId);
  }

  public List<Collaborator> activeOnJob(String jobId) {
    return collaborators.findByJobIdAndStatus(jobId, Collaborator.Status.ACTIVE);
  }

  /** The workspace's active collaborator records at these addresses, one statement. */
  @Transactional(readOnly = true)
  public List<Collaborator> activeAt(String workspaceId, Collection<String> addresses) {
    if (addresses.isEmpty()) {
      return List.of();
    }
    return collaborators.findByWorkspaceIdAndStatusAndEmailIn(
        workspaceId,
        Collaborator.Status.ACTIVE,
        addresses.stream().map(Collaborator::normalizeEmail).distinct().toList());
  }

  /**
   * The job's collaborators, removed ones too, oldest first, each with how their sign-in links
   * stand: two statements whatever their number.
   */
  public List<CollaboratorStanding> standingsOf(String jobId) {
    List<Collaborator> all = onJob(jobId);
    return standings(all);
  }

  /** These collaborators with how their sign-in links stand, in one statement. */
  public List<CollaboratorStanding> standings(List<Collaborator> all) {
    Map<String, CollaboratorLinks.LinkSummary> summaries =
        links.summaries(all.stream().map(Collaborator::id).toList());
    return all.stream().map(c -> CollaboratorStanding.of(c, summaries.get(c.id()))).toList();
  }

  /** Adds a client person to the job, or brings back one who was removed. */
  @Transactional
  public Collaborator add(String workspaceId, String jobId, String email, String name) {
    Job job = jobs.get(workspaceId, jobId);
    String address = Collaborator.normalizeEmail(email);
    Optional<Collaborator> existing = collaborators.findByJobIdAndEmail(job.id(), address);
    if (existing.isPresent()) {
      Collaborator known = existing.get();
      if (known.isActive()) {
        throw new ConflictException(address + " is already a collaborator on this job");
      }
      return collaborators.save(known.restored(name));
    }
    return collaborators.save(
        new Collaborator(
            Ids.next(),
            workspaceId,
            job.id(),
            address,
            name,
            Collaborator.Status.ACTIVE,
            null,
            clock.instant()));
  }

  /**
   * Renames a collaborator or moves them to another address. Access is bound to the address the
   * links were mailed to, so a new address is a new access: the old record is removed (its links
   * and sessions end, security.md line 6) and the person carries on under a record for the new
   * address, which is what this answers.
   */
  @Transactional
  public Collaborator update(
      String workspaceId,
      String jobId,
      String collaboratorId,
      String name,
      String email,
      String changedBy) {
    Job job = jobs.get(workspaceId, jobId);
    Collaborator collaborator = collaboratorOf(job, collaboratorId);
    String newName = name == null ? collaborator.name() : name;
    String address = Collaborator.normalizeEmail(email);
    if (address == null || address.equals(collaborator.email())) {
      return collaborators.save(collaborator.renamed(newName));
    }
    if (!collaborator.isActive()) {
      throw new ConflictException(
          "This collaborator was removed; add the new address as a collaborator instead");
    }
    collaborators
        .findByJobIdAndEmail(job.id(), address)
        .filter(Collaborator::isActive)
        .ifPresent(
            other -> {
              throw new ConflictException(address + " is already a collaborator on this job");
            });
    collaborators.save(collaborator.removed());
    events.publishEvent(new CollaboratorRemoved(collaborator.id()));
    Collaborator moved = add(workspaceId, job.id(), address, newName);
    // The flag stays with the old address (it is that address that bounced); the new one is clean.
    String flagged =
        flags
            .find(workspaceId, collaborator.email())
            .map(f -> " (" + collaborator.email() + " " + f.describe() + ")")
            .orElse("");
    activityLog.append(
        "address-corrected/" + collaborator.id() + "/" + moved.id() + "/" + Ids.next(),
        job.id(),
        null,
        SubmissionEventType.ADDRESS_CORRECTED,
        changedBy,
        false,
        changedBy
            + " changed "
            + collaborator.displayName()
            + "'s address from "
            + collaborator.email()
            + " to "
            + address
            + flagged,
        clock.instant());
    return moved;
  }

  /**
   * The recruiter vouches that the collaborator's address is right although it bounced, was dropped
   * or reported our mail as spam: mail may go to it again, and the job's activity says who
   * confirmed it. An address that is not flagged stays as it is.
   *
   * @return the flag that was cleared, if the address was flagged
   * @throws NotFoundException when the job is not the workspace's or the collaborator not the job's
   */
  @Transactional
  public Optional<AddressFlags.Flag> confirmAddress(
      String workspaceId, String jobId, String collaboratorId, String confirmedBy) {
    Job job = jobs.get(workspaceId, jobId);
    Collaborator collaborator = collaboratorOf(job, collaboratorId);
    Optional<AddressFlags.Flag> flag = flags.find(workspaceId, collaborator.email());
    if (flag.isEmpty() || !flags.clear(workspaceId, collaborator.email())) {
      return Optional.empty();
    }
    activityLog.append(
        "address-confirmed/" + collaborator.id() + "/" + Ids.next(),
        job.id(),
        null,
        SubmissionEventType.ADDRESS_CONFIRMED,
        confirmedBy,
        false,
        confirmedBy
            + " confirmed "
            + collaborator.email()
            + " is right after it "
            + flag.get().describe(),
        clock.instant());
    return flag;
  }

  /** Ends the person's access to the job: their links die now, their sessions on next request. */
  @Transactional
  public void remove(String workspaceId, String jobId, String collaboratorId) {
    Job job = jobs.get(workspaceId, jobId);
    Collaborator collaborator = collaboratorOf(job, collaboratorId);
    if (collaborator.isActive()) {
      collaborators.save(collaborator.removed());
      events.publishEvent(new CollaboratorRemoved(collaborator.id()));
    }
  }

  /** The job's collaborator; one of another job is as good as unknown. */
  private Collaborator collaboratorOf(Job job, String collaboratorId) {
    return collaborators
        .findByIdAndJobId(collaboratorId, job.id())
        .orElseThrow(() -> new NotFoundException("Collaborator"));
  }
}
