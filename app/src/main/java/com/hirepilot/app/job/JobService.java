package com.hirepilot.app.job;

import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.CurrentRecruiter;
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

/** Creates jobs and manages who on the client's side may review them. */
@Service
public class JobService {

  private final Jobs jobs;
  private final JobReads reads;
  private final Collaborators collaborators;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final CollaboratorLinks links;
  private final AddressFlags flags;
  private final JobActivityLog activityLog;

  JobService(
      Jobs jobs,
      JobReads reads,
      Collaborators collaborators,
      ApplicationEventPublisher events,
      Clock clock,
      CollaboratorLinks links,
      AddressFlags flags,
      JobActivityLog activityLog) {
    this.links = links;
    this.flags = flags;
    this.activityLog = activityLog;
    this.jobs = jobs;
    this.reads = reads;
    this.collaborators = collaborators;
    this.events = events;
    this.clock = clock;
  }

  /** Opens a job; the guest collaborators of its client company join it in the same transaction. */
  @Transactional
  public Job create(
      CurrentRecruiter owner,
      String title,
      String description,
      String requirements,
      String location,
      String clientCompany,
      boolean showDescriptionToClients) {
    Job job =
        jobs.save(
            new Job(
                Ids.next(),
                owner.workspaceId(),
                owner.recruiterId(),
                title.trim(),
                description,
                requirements,
                location,
                clientCompany,
                showDescriptionToClients,
                null,
                clock.instant()));
    events.publishEvent(new JobCompanySet(job.workspaceId(), job.id()));
    return job;
  }

  public Job get(String workspaceId, String jobId) {
    return find(workspaceId, jobId).orElseThrow(() -> new NotFoundException("Job"));
  }

  /** The workspace's job, or empty when it is another's or none. */
  public Optional<Job> find(String workspaceId, String jobId) {
    return jobs.findByIdAndWorkspaceId(jobId, workspaceId);
  }

  /** The job, whatever workspace it is in: for work already scoped, such as a workflow's. */
  public Optional<Job> find(String jobId) {
    return jobs.findById(jobId);
  }

  /** Each job's title by ID, in one query; unknown IDs are left out. */
  public Map<String, String> titles(Collection<String> jobIds) {
    if (jobIds.isEmpty()) {
      return Map.of();
    }
    return jobs.findAllById(jobIds).stream().collect(Collectors.toMap(Job::id, Job::title));
  }

  /** The jobs this client person is an active collaborator on, in their workspace. */
  public List<Job> jobsOpenTo(Collaborator person) {
    return reads.openTo(person.email(), person.workspaceId());
  }

  /**
   * The job, if this client person is an active collaborator on it; any other job is as good as
   * unknown to them.
   */
  public Optional<Job> jobOpenTo(Collaborator person, String jobId) {
    return jobId == null
        ? Optional.empty()
        : reads.openTo(jobId, person.email(), person.workspaceId());
  }

  public Optional<Collaborator> collaborator(String collaboratorId) {
    return reads.collaborator(collaboratorId);
  }

  /** The active collaborator records of an address, newest first (one per job). */
  public List<Collaborator> activeCollaboratorsByEmail(String email) {
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
  public List<Collaborator> collaboratorsByEmail(String workspaceId, String email) {
    return collaborators.findByWorkspaceIdAndEmailOrderByCreatedAt(
        workspaceId, Collaborator.normalizeEmail(email));
  }

  public List<Collaborator> collaboratorsOf(String jobId) {
    return collaborators.findByJobIdOrderByCreatedAt(jobId);
  }

  public List<Collaborator> activeCollaboratorsOf(String jobId) {
    return collaborators.findByJobIdAndStatus(jobId, Collaborator.Status.ACTIVE);
  }

  /** The workspace's jobs, newest first, with per-status submission counts, in one statement. */
  @Transactional(readOnly = true)
  List<JobReads.Listed> list(String workspaceId) {
    return reads.listed(workspaceId);
  }

  /**
   * The workspace's jobs, newest first, with per-status submission counts and how many active
   * collaborators each has: two statements whatever their number.
   */
  @Transactional(readOnly = true)
  public List<JobListing> listing(String workspaceId) {
    Map<String, Integer> collaborating = reads.activeCollaboratorCounts(workspaceId);
    return reads.listed(workspaceId).stream()
        .map(
            j ->
                new JobListing(
                    j.id(),
                    j.title(),
                    j.location(),
                    j.clientCompany(),
                    j.showDescriptionToClients(),
                    j.createdAt(),
                    Map.copyOf(j.submissionCounts()),
                    collaborating.getOrDefault(j.id(), 0)))
        .toList();
  }

  /**
   * The job's collaborators, removed ones too, oldest first, each with how their sign-in links
   * stand: two statements whatever their number.
   */
  public List<CollaboratorStanding> standingsOf(String jobId) {
    List<Collaborator> all = collaboratorsOf(jobId);
    return standings(all);
  }

  /** These collaborators with how their sign-in links stand, in one statement. */
  public List<CollaboratorStanding> standings(List<Collaborator> all) {
    Map<String, CollaboratorLinks.LinkSummary> summaries =
        links.summaries(all.stream().map(Collaborator::id).toList());
    return all.stream().map(c -> CollaboratorStanding.of(c, summaries.get(c.id()))).toList();
  }

  /** The fields a recruiter may change on a job; null leaves a field as it is. */
  public record JobEdit(
      String title,
      String description,
      String requirements,
      String location,
      String clientCompany,
      Boolean showDescriptionToClients) {}

  @Transactional
  public Job update(String workspaceId, String jobId, JobEdit edit) {
    Job job = get(workspaceId, jobId);
    Job updated =
        jobs.save(
            new Job(
                job.id(),
                job.workspaceId(),
                job.ownerId(),
                edit.title() == null ? job.title() : edit.title().trim(),
                edit.description() == null ? job.description() : edit.description(),
                edit.requirements() == null ? job.requirements() : edit.requirements(),
                edit.location() == null ? job.location() : edit.location(),
                edit.clientCompany() == null ? job.clientCompany() : edit.clientCompany(),
                edit.showDescriptionToClients() == null
                    ? job.showDescriptionToClients()
                    : edit.showDescriptionToClients(),
                job.version(),
                job.createdAt()));
    if (!java.util.Objects.equals(
        Guest.companyKey(job.clientCompany()), Guest.companyKey(updated.clientCompany()))) {
      events.publishEvent(new JobCompanySet(updated.workspaceId(), updated.id()));
    }
    return updated;
  }

  /**
   * Renames a collaborator or moves them to another address. Access is bound to the address the
   * links were mailed to, so a new address is a new access: the old record is removed (its links
   * and sessions end, security.md line 6) and the person carries on under a record for the new
   * address, which is what this answers.
   */
  @Transactional
  public Collaborator updateCollaborator(
      String workspaceId,
      String jobId,
      String collaboratorId,
      String name,
      String email,
      String changedBy) {
    Job job = get(workspaceId, jobId);
    Collaborator collaborator =
        collaborators
            .findByIdAndJobId(collaboratorId, job.id())
            .orElseThrow(() -> new NotFoundException("Collaborator"));
    String newName = name == null ? collaborator.name() : name;
    String address = Collaborator.normalizeEmail(email);
    if (address == null || address.equals(collaborator.email())) {
      return collaborators.save(
          new Collaborator(
              collaborator.id(),
              collaborator.workspaceId(),
              collaborator.jobId(),
              collaborator.email(),
              newName,
              collaborator.status(),
              collaborator.version(),
              collaborator.createdAt()));
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
    Collaborator moved = addCollaborator(workspaceId, job.id(), address, newName);
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
  public Optional<AddressFlags.Flag> confirmCollaboratorAddress(
      String workspaceId, String jobId, String collaboratorId, String confirmedBy) {
    Job job = get(workspaceId, jobId);
    Collaborator collaborator =
        collaborators
            .findByIdAndJobId(collaboratorId, job.id())
            .orElseThrow(() -> new NotFoundException("Collaborator"));
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

  /** The workspace's active collaborator records at these addresses, one statement. */
  @Transactional(readOnly = true)
  public List<Collaborator> activeCollaboratorsAt(
      String workspaceId, Collection<String> addresses) {
    if (addresses.isEmpty()) {
      return List.of();
    }
    return collaborators.findByWorkspaceIdAndStatusAndEmailIn(
        workspaceId,
        Collaborator.Status.ACTIVE,
        addresses.stream().map(Collaborator::normalizeEmail).distinct().toList());
  }

  /** Adds a client person to the job, or brings back one who was removed. */
  @Transactional
  public Collaborator addCollaborator(String workspaceId, String jobId, String email, String name) {
    Job job = get(workspaceId, jobId);
    String address = Collaborator.normalizeEmail(email);
    Optional<Collaborator> existing = collaborators.findByJobIdAndEmail(job.id(), address);
    if (existing.isPresent()) {
      Collaborator known = existing.get();
      if (known.isActive()) {
        throw new ConflictException(address + " is already a collaborator on this job");
      }
      return collaborators.save(
          new Collaborator(
              known.id(),
              known.workspaceId(),
              known.jobId(),
              known.email(),
              name == null ? known.name() : name,
              Collaborator.Status.ACTIVE,
              known.version(),
              known.createdAt()));
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

  /** Ends the person's access to the job: their links die now, their sessions on next request. */
  @Transactional
  public void removeCollaborator(String workspaceId, String jobId, String collaboratorId) {
    Job job = get(workspaceId, jobId);
    Collaborator collaborator =
        collaborators
            .findByIdAndJobId(collaboratorId, job.id())
            .orElseThrow(() -> new NotFoundException("Collaborator"));
    if (collaborator.isActive()) {
      collaborators.save(collaborator.removed());
      events.publishEvent(new CollaboratorRemoved(collaborator.id()));
    }
  }
}
