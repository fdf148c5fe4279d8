package com.hirepilot.app.support;

import static com.hirepilot.app.support.DeskFindings.at;

import com.hirepilot.app.auth.LoginLinks;
import com.hirepilot.app.automation.AutomationReport;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.AttachmentVersions;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivity;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.notification.EmailDeliveries;
import com.hirepilot.app.submission.LiveSubmissionState;
import com.hirepilot.app.submission.SubmissionDetails;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.submission.SubmissionSummary;
import com.hirepilot.app.system.HealthSignals;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.workflows.submission.SubmissionSnapshot;
import com.hirepilot.workflows.submission.SubmissionStatus;
import com.hirepilot.workflows.submission.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What REX looks up for a recruiter: a submission's state and files, a collaborator's access, a
 * job's submissions and activity, a candidate's submissions, email deliveries, automation runs and
 * system health. Each lookup is bounded by the caller's workspace and runs in one read-only
 * transaction, except the live workflow query, the automation report (its own transaction) and
 * system health (in memory). Kept apart from the client's reads, which see only what the portal
 * shows that client.
 */
@Service
class RecruiterDeskReads {

  private final SubmissionOverview overview;
  private final LiveSubmissionState live;
  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final LoginLinks links;
  private final EmailDeliveries deliveries;
  private final AddressFlags flags;
  private final CandidateDirectory candidates;
  private final CandidateFiles candidateFiles;
  private final JobActivityLog activity;
  private final HealthSignals health;
  private final AutomationReport automation;
  private final Clock clock;

  RecruiterDeskReads(
      SubmissionOverview overview,
      LiveSubmissionState live,
      JobService jobs,
      JobCollaborators collaborators,
      LoginLinks links,
      EmailDeliveries deliveries,
      AddressFlags flags,
      CandidateDirectory candidates,
      CandidateFiles candidateFiles,
      JobActivityLog activity,
      HealthSignals health,
      AutomationReport automation,
      Clock clock) {
    this.overview = overview;
    this.live = live;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.links = links;
    this.deliveries = deliveries;
    this.flags = flags;
    this.candidates = candidates;
    this.candidateFiles = candidateFiles;
    this.activity = activity;
    this.health = health;
    this.automation = automation;
    this.clock = clock;
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

  public Findings.AutomationRuns automationRuns(
      Caller caller, String ruleNameOrId, String submissionId) {
    // Three statements however many rules and runs (the report's own transaction): the rules,
    // their latest runs, those runs' actions. Actions are named by type, never by their settings.
    List<Findings.AutomationRuleRuns> rules =
        automation.of(caller.workspaceId(), ruleNameOrId, submissionId).stream()
            .map(
                r ->
                    new Findings.AutomationRuleRuns(
                        r.ruleId(),
                        r.name(),
                        r.trigger(),
                        r.paused(),
                        r.conditions(),
                        r.actionTypes(),
                        r.runs().stream().map(DeskFindings::automationRun).toList()))
            .toList();
    return new Findings.AutomationRuns(ruleNameOrId, submissionId, rules);
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

  public Findings.SystemHealth systemHealth(Caller caller) {
    List<Findings.Signal> signals =
        health.readings().stream()
            .map(
                r ->
                    new Findings.Signal(
                        r.signal().name(), r.failures(), r.attempts(), r.systemWide()))
            .toList();
    return new Findings.SystemHealth(
        (int) HealthSignals.WINDOW.toMinutes(),
        signals,
        signals.stream().anyMatch(Findings.Signal::systemWide));
  }
}
