package com.hirepilot.app.console;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.CandidateCard;
import com.hirepilot.app.candidate.CandidateService;
import com.hirepilot.app.job.CollaboratorStanding;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivity;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobListing;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.SubmissionDetails;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.submission.SubmissionSummary;
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

  private final JobService jobs;
  private final JobActivityLog activityLog;
  private final CandidateService candidates;
  private final SubmissionOverview overview;

  DeskReads(
      JobService jobs,
      JobActivityLog activityLog,
      CandidateService candidates,
      SubmissionOverview overview) {
    this.jobs = jobs;
    this.activityLog = activityLog;
    this.candidates = candidates;
    this.overview = overview;
  }

  record JobsPage(List<JobListing> jobs, int needingAttention) {}

  /**
   * One candidate the recruiter may pick on the job page.
   *
   * @param submittedAs the status of their submission to this job, or null when there is none
   * @param blocked whether they cannot be submitted again: a submission that is not withdrawn
   */
  record CandidateChoice(CandidateService.Choice candidate, SubmissionStatus submittedAs) {

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
      List<CandidateChoice> choices) {

    public boolean hasActiveCollaborators() {
      return collaborators.stream().anyMatch(CollaboratorStanding::isActive);
    }
  }

  record SubmissionPage(
      SubmissionDetails record,
      Job job,
      CandidateCard candidate,
      List<CollaboratorStanding> collaborators,
      List<Attachment> attachments) {

    public List<CollaboratorStanding> activeCollaborators() {
      return collaborators.stream().filter(CollaboratorStanding::isActive).toList();
    }
  }

  @Transactional(readOnly = true)
  JobsPage jobsPage(String workspaceId) {
    return new JobsPage(
        jobs.listing(workspaceId),
        overview.list(workspaceId, new SubmissionOverview.Filter(null, null, true)).size());
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
    return new JobPage(
        job,
        jobs.standingsOf(job.id()),
        byStatus.entrySet().stream().map(e -> new Column(e.getKey(), e.getValue())).toList(),
        submissions.size(),
        recent,
        candidates.choices(workspaceId, CANDIDATE_CHOICES).stream()
            .map(c -> new CandidateChoice(c, latest.get(c.id())))
            .toList());
  }

  @Transactional(readOnly = true)
  SubmissionPage submissionPage(String workspaceId, String submissionId) {
    SubmissionDetails record = overview.of(workspaceId, submissionId);
    SubmissionSummary summary = record.summary();
    Job job = jobs.get(workspaceId, summary.jobId());
    Set<String> shown = Set.copyOf(record.attachmentIds());
    return new SubmissionPage(
        record,
        job,
        candidates.cards(List.of(summary.candidateId())).get(summary.candidateId()),
        jobs.standingsOf(job.id()),
        candidates.attachmentsOf(summary.candidateId()).stream()
            .filter(a -> shown.contains(a.id()))
            .toList());
  }

  @Transactional(readOnly = true)
  List<SubmissionSummary> needingAttention(String workspaceId) {
    return overview.list(workspaceId, new SubmissionOverview.Filter(null, null, true));
  }
}
