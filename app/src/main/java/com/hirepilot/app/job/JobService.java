package com.hirepilot.app.job;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.CurrentRecruiter;
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
 * Opens, reads, edits and lists jobs. Who may review a job is {@link JobCollaborators}'s: the two
 * change for different reasons.
 */
@Service
public class JobService {

  private final Jobs jobs;
  private final JobReads reads;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  JobService(Jobs jobs, JobReads reads, ApplicationEventPublisher events, Clock clock) {
    this.jobs = jobs;
    this.reads = reads;
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

  /**
   * The workspace's jobs, newest first, with per-status submission counts: two statements whatever
   * their number, in one read-only transaction so the counts come on the same connection.
   */
  @Transactional(readOnly = true)
  List<JobReads.Listed> list(String workspaceId) {
    return reads.listed(workspaceId);
  }

  /**
   * The workspace's jobs, newest first, with per-status submission counts and how many active
   * collaborators each has: three statements whatever their number.
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
}
