package com.hirepilot.app.support;

import static com.hirepilot.app.support.DeskFindings.at;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.AttachmentVersions;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivity;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.LiveSubmissionState;
import com.hirepilot.app.submission.SubmissionDetails;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.submission.SubmissionSummary;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.workflows.submission.SubmissionSnapshot;
import com.hirepilot.workflows.submission.SubmissionStatus;
import com.hirepilot.workflows.submission.TimelineEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What REX looks up for a recruiter about the records: a submission's state and files, a job's
 * submissions and activity, a candidate's submissions. Each lookup is bounded by the caller's
 * workspace and runs in one read-only transaction, except the live workflow query. Access and email
 * are {@link AccessDeskReads}, automation and health {@link OperationsDeskReads}. Kept apart from
 * the client's reads, which see only what the portal shows that client.
 */
@Service
class RecruiterDeskReads {

  private final SubmissionOverview overview;
  private final LiveSubmissionState live;
  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final CandidateDirectory candidates;
  private final CandidateFiles candidateFiles;
  private final JobActivityLog activity;

  RecruiterDeskReads(
      SubmissionOverview overview,
      LiveSubmissionState live,
      JobService jobs,
      JobCollaborators collaborators,
      CandidateDirectory candidates,
      CandidateFiles candidateFiles,
      JobActivityLog activity) {
    this.overview = overview;
    this.live = live;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.candidates = candidates;
    this.candidateFiles = candidateFiles;
    this.activity = activity;
  }

  public Findings.SubmissionState submissionState(Caller caller, String submissionId) {
    SubmissionDetails details;
    try {
      details = overview.of(caller.workspaceId(), submissionId);
    } catch (NotFoundException e) {
      return Findings.SubmissionState.notFound(submissionId);
    }
    SubmissionSummary s = details.summary();
    Optional<SubmissionSnapshot> running = live.of(s);
    List<Findings.Email> emails = details.emails().stream().map(DeskFindings::email).toList();
    List<TimelineEntry> timeline = details.timeline();
    List<Findings.Step> steps =
        timeline.subList(Math.max(0, timeline.size() - 10), timeline.size()).stream()
            .map(DeskFindings::step)
            .toList();
    return new Findings.SubmissionState(
        true,
        s.id(),
        s.jobId(),
        s.jobTitle(),
        s.candidateId(),
        s.candidateName(),
        s.status().name(),
        s.stage() == null ? null : s.stage().name(),
        s.decision() == null ? null : s.decision().name(),
        s.remindersSent(),
        s.nextReminderAt() == null ? null : at(s.nextReminderAt()),
        running.isPresent(),
        running.map(r -> r.status().name()).orElse(null),
        emails,
        steps);
  }

  @Transactional(readOnly = true)
  public Findings.JobSubmissions jobSubmissions(Caller caller, String jobId) {
    Optional<Job> job = jobs.find(caller.workspaceId(), jobId);
    if (job.isEmpty()) {
      return new Findings.JobSubmissions(false, jobId, null, 0, List.of());
    }
    List<Findings.SubmittedCandidate> rows =
        overview
            .list(caller.workspaceId(), new SubmissionOverview.Filter(null, jobId, false))
            .stream()
            .sorted(Comparator.comparing(SubmissionSummary::submittedAt))
            .map(
                s ->
                    new Findings.SubmittedCandidate(
                        s.id(),
                        s.candidateId(),
                        s.candidateName(),
                        s.status().name(),
                        s.status() != SubmissionStatus.WITHDRAWN))
            .toList();
    return new Findings.JobSubmissions(
        true, jobId, job.get().title(), collaborators.activeOnJob(jobId).size(), rows);
  }

  @Transactional(readOnly = true)
  public Findings.CandidateSubmissions candidateSubmissions(Caller caller, String candidateId) {
    Optional<Candidate> candidate =
        candidates.find(candidateId).filter(c -> c.workspaceId().equals(caller.workspaceId()));
    if (candidate.isEmpty()) {
      return Findings.CandidateSubmissions.notFound(candidateId);
    }
    List<Findings.CandidateSubmission> rows =
        overview.ofCandidate(caller.workspaceId(), candidateId).stream()
            .map(
                s ->
                    new Findings.CandidateSubmission(
                        s.id(),
                        s.jobId(),
                        s.jobTitle(),
                        s.status().name(),
                        s.status() != SubmissionStatus.WITHDRAWN))
            .toList();
    return new Findings.CandidateSubmissions(true, candidateId, candidate.get().name(), rows);
  }

  @Transactional(readOnly = true)
  public Findings.SubmissionAttachments submissionAttachments(Caller caller, String submissionId) {
    SubmissionDetails details;
    try {
      details = overview.of(caller.workspaceId(), submissionId);
    } catch (NotFoundException e) {
      return new Findings.SubmissionAttachments(false, submissionId, null, List.of(), false, false);
    }
    List<Attachment> all = candidateFiles.attachmentsOf(details.summary().candidateId());
    AttachmentVersions versions = AttachmentVersions.of(all);
    Set<String> shared = Set.copyOf(details.attachmentIds());
    List<Findings.FileInfo> files = new ArrayList<>();
    for (Attachment a : all) {
      files.add(
          new Findings.FileInfo(
              a.id(),
              a.filename(),
              a.kind().name(),
              a.attachmentVersion(),
              versions.isNewestOfItsKind(a),
              a.isPublic(),
              a.size(),
              a.contentType(),
              shared.contains(a.id())));
    }
    List<String> newest = versions.newestPublicFiles(details.attachmentIds());
    return new Findings.SubmissionAttachments(
        true,
        submissionId,
        details.summary().candidateName(),
        files,
        versions.hasNewerPublicResumeThan(shared),
        !newest.equals(details.attachmentIds()));
  }

  @Transactional(readOnly = true)
  public Findings.JobActivity jobActivity(Caller caller, String jobId) {
    Optional<Job> job = jobs.find(caller.workspaceId(), jobId);
    if (job.isEmpty()) {
      return new Findings.JobActivity(false, jobId, null, List.of());
    }
    List<JobActivity> entries = activity.forJob(jobId);
    return new Findings.JobActivity(
        true,
        jobId,
        job.get().title(),
        entries.subList(Math.max(0, entries.size() - 20), entries.size()).stream()
            .map(DeskFindings::activityEntry)
            .toList());
  }
}
