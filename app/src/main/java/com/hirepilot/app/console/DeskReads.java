package com.hirepilot.app.console;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.CandidateCard;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.deal.Deal;
import com.hirepilot.app.deal.DealService;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.CollaboratorStanding;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivity;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobListing;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.notification.EmailDeliveries;
import com.hirepilot.app.notification.EmailDelivery;
import com.hirepilot.app.submission.SubmissionDetails;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.submission.SubmissionSummary;
import com.hirepilot.app.task.RecruiterTask;
import com.hirepilot.app.task.RecruiterTaskService;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the desk pages show, each page's data in one read-only transaction with a fixed number of
 * statements, from the database alone. The one live part, a single submission's workflow state, is
 * asked by the controller after the transaction has ended.
 */
@Component
class DeskReads {

  /** The most candidates the job page offers to submit; the newest come first. */
  static final int CANDIDATE_CHOICES = 200;

  /** The job page shows the newest activity lines; the API has them all. */
  static final int RECENT_ACTIVITY = 50;

  /** The most flagged addresses and failed emails the attention page lists; the newest first. */
  static final int ATTENTION_LIMIT = 50;

  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final JobActivityLog activityLog;
  private final CandidateDirectory candidates;
  private final CandidateFiles candidateFiles;
  private final SubmissionOverview overview;
  private final AddressFlags flags;
  private final EmailDeliveries deliveries;
  private final DealService deals;
  private final RecruiterTaskService tasks;

  DeskReads(
      JobService jobs,
      JobCollaborators collaborators,
      JobActivityLog activityLog,
      CandidateDirectory candidates,
      CandidateFiles candidateFiles,
      SubmissionOverview overview,
      AddressFlags flags,
      EmailDeliveries deliveries,
      DealService deals,
      RecruiterTaskService tasks) {
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.activityLog = activityLog;
    this.candidates = candidates;
    this.candidateFiles = candidateFiles;
    this.overview = overview;
    this.flags = flags;
    this.deliveries = deliveries;
    this.deals = deals;
    this.tasks = tasks;
  }

  /**
   * The collaborators' address flags by address, for pages that show who receives mail: a flagged
   * address gets nothing new until the recruiter confirms or corrects it.
   */
  record AddressFlagging(Map<String, AddressFlags.Flag> byAddress) {

    /** The flag on this collaborator's address, or null. */
    public AddressFlags.Flag of(CollaboratorStanding c) {
      return byAddress.get(c.email());
    }

    /** The flags on the active collaborators' addresses, the ones that hold up new mail. */
    public List<AddressFlags.Flag> holdingUp(List<CollaboratorStanding> collaborators) {
      return collaborators.stream()
          .filter(CollaboratorStanding::isActive)
          .map(this::of)
          .filter(java.util.Objects::nonNull)
          .toList();
    }
  }

  /**
   * The landing page: the jobs, how many submissions need attention, and the recruiter's open tasks
   * with the titles of their jobs (taken from the job listing, so the tasks cost one statement).
   */
  record JobsPage(
      List<JobListing> jobs,
      int needingAttention,
      List<RecruiterTask> tasks,
      Map<String, String> titles) {

    public String titleOf(String jobId) {
      return jobId == null ? null : titles.get(jobId);
    }
  }

  /**
   * One candidate the recruiter may pick on the job page.
   *
   * @param submittedAs the status of their submission to this job, or null when there is none
   * @param blocked whether they cannot be submitted again: a submission that is not withdrawn
   */
  record CandidateChoice(CandidateDirectory.Choice candidate, SubmissionStatus submittedAs) {

    public boolean blocked() {
      return submittedAs != null && submittedAs != SubmissionStatus.WITHDRAWN;
    }
  }

  /** A board column: the job's submissions in one workflow status. */
  record Column(SubmissionStatus status, List<SubmissionSummary> submissions) {}

  record JobPage(
      Job job,
      List<CollaboratorStanding> collaborators,
      List<Column> board,
      int submissionCount,
      List<JobActivity> recentActivity,
      List<CandidateChoice> choices,
      AddressFlagging flags,
      Deal deal) {

    public boolean hasActiveCollaborators() {
      return collaborators.stream().anyMatch(CollaboratorStanding::isActive);
    }

    /** The flagged addresses among the active collaborators: new mail waits for them. */
    public List<AddressFlags.Flag> holdingUp() {
      return flags.holdingUp(collaborators);
    }
  }

  record SubmissionPage(
      SubmissionDetails record,
      CandidateCard candidate,
      List<CollaboratorStanding> collaborators,
      List<Attachment> attachments,
      AddressFlagging flags) {

    public List<CollaboratorStanding> activeCollaborators() {
      return collaborators.stream().filter(CollaboratorStanding::isActive).toList();
    }
  }

  /** A job where a flagged address is an active collaborator: where to confirm or correct it. */
  record FlaggedOn(String jobId, String jobTitle, String collaboratorId, String name) {}

  /** A flagged address and the jobs it collaborates on. */
  record FlaggedAddress(AddressFlags.Flag flag, List<FlaggedOn> jobs) {}

  /**
   * The attention page: open submissions someone should act on, addresses that bounced (or were
   * dropped, or reported our mail as spam) and emails that never arrived.
   */
  record AttentionPage(
      List<SubmissionSummary> submissions,
      List<FlaggedAddress> flaggedAddresses,
      List<EmailDelivery> failedEmails) {

    public boolean isEmpty() {
      return submissions.isEmpty() && flaggedAddresses.isEmpty() && failedEmails.isEmpty();
    }
  }

  @Transactional(readOnly = true)
  JobsPage jobsPage(String workspaceId, String recruiterId) {
    List<JobListing> listing = jobs.listing(workspaceId);
    Map<String, String> titles = new HashMap<>();
    listing.forEach(j -> titles.put(j.id(), j.title()));
    return new JobsPage(
        listing,
        overview.list(workspaceId, new SubmissionOverview.Filter(null, null, true)).size(),
        tasks.openFor(workspaceId, recruiterId),
        titles);
  }

  @Transactional(readOnly = true)
  JobPage jobPage(String workspaceId, String jobId) {
    Job job = jobs.get(workspaceId, jobId);
    List<SubmissionSummary> submissions =
        overview.list(workspaceId, new SubmissionOverview.Filter(null, job.id(), false));
    Map<SubmissionStatus, List<SubmissionSummary>> byStatus = new EnumMap<>(SubmissionStatus.class);
    for (SubmissionStatus status : SubmissionStatus.values()) {
      byStatus.put(status, new ArrayList<>());
    }
    // Newest first, so a candidate submitted again is known by their latest submission.
    Map<String, SubmissionStatus> latest = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (SubmissionSummary s : submissions) {
      byStatus.get(s.status()).add(s);
      if (seen.add(s.candidateId())) {
        latest.put(s.candidateId(), s.status());
      }
    }
    List<JobActivity> lines = activityLog.forJob(job.id());
    List<JobActivity> recent =
        new ArrayList<>(lines.subList(Math.max(0, lines.size() - RECENT_ACTIVITY), lines.size()));
    java.util.Collections.reverse(recent);
    List<CollaboratorStanding> collaborators = this.collaborators.standingsOf(job.id());
    return new JobPage(
        job,
        collaborators,
        byStatus.entrySet().stream().map(e -> new Column(e.getKey(), e.getValue())).toList(),
        submissions.size(),
        recent,
        candidates.choices(workspaceId, CANDIDATE_CHOICES).stream()
            .map(c -> new CandidateChoice(c, latest.get(c.id())))
            .toList(),
        flagging(workspaceId, collaborators),
        deals.connectedTo(job.id()).orElse(null));
  }

  /** One statement. */
  private AddressFlagging flagging(String workspaceId, List<CollaboratorStanding> collaborators) {
    return new AddressFlagging(
        flags.among(workspaceId, collaborators.stream().map(CollaboratorStanding::email).toList()));
  }

  @Transactional(readOnly = true)
  SubmissionPage submissionPage(String workspaceId, String submissionId) {
    SubmissionDetails record = overview.of(workspaceId, submissionId);
    SubmissionSummary summary = record.summary();
    Set<String> shown = Set.copyOf(record.attachmentIds());
    // The submission was found in the workspace, so its job is the workspace's: the page shows the
    // job's title from the summary and needs no statement of its own for the job.
    List<CollaboratorStanding> collaborators = this.collaborators.standingsOf(summary.jobId());
    return new SubmissionPage(
        record,
        candidates.cards(List.of(summary.candidateId())).get(summary.candidateId()),
        collaborators,
        candidateFiles.attachmentsOf(summary.candidateId()).stream()
            .filter(a -> shown.contains(a.id()))
            .toList(),
        flagging(workspaceId, collaborators));
  }

  /**
   * What needs the recruiter: four statements beside the submission list's, whatever the number of
   * flags and failures.
   */
  @Transactional(readOnly = true)
  AttentionPage attentionPage(String workspaceId) {
    List<SubmissionSummary> submissions =
        overview.list(workspaceId, new SubmissionOverview.Filter(null, null, true));
    List<AddressFlags.Flag> flagged = flags.of(workspaceId, ATTENTION_LIMIT);
    List<Collaborator> people =
        collaborators.activeAt(
            workspaceId, flagged.stream().map(AddressFlags.Flag::address).toList());
    Map<String, String> titles =
        jobs.titles(people.stream().map(Collaborator::jobId).distinct().toList());
    Map<String, List<FlaggedOn>> onJobs = new HashMap<>();
    for (Collaborator c : people) {
      onJobs
          .computeIfAbsent(c.email(), a -> new ArrayList<>())
          .add(new FlaggedOn(c.jobId(), titles.get(c.jobId()), c.id(), c.displayName()));
    }
    onJobs
        .values()
        .forEach(
            l ->
                l.sort(
                    java.util.Comparator.comparing(
                        FlaggedOn::jobTitle,
                        java.util.Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))));
    return new AttentionPage(
        submissions,
        flagged.stream()
            .map(f -> new FlaggedAddress(f, onJobs.getOrDefault(f.address(), List.of())))
            .toList(),
        deliveries.needingAttention(workspaceId, ATTENTION_LIMIT));
  }
}
