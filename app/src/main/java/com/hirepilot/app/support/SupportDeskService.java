package com.hirepilot.app.support;

import com.hirepilot.app.auth.LoginLinks;
import com.hirepilot.app.automation.AutomationReport;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateService;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivity;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.notification.EmailDeliveries;
import com.hirepilot.app.notification.EmailDelivery;
import com.hirepilot.app.submission.ClientVisibleSubmissions;
import com.hirepilot.app.submission.LiveSubmissionState;
import com.hirepilot.app.submission.SubmissionDetails;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.submission.SubmissionSummary;
import com.hirepilot.app.system.HealthSignals;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.rex.tools.ProposedAction;
import com.hirepilot.rex.tools.SupportDesk;
import com.hirepilot.rex.tools.Untrusted;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionSnapshot;
import com.hirepilot.workflows.submission.SubmissionStatus;
import com.hirepilot.workflows.submission.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * REX's tools, each a thin adapter over the app's own services and read model. Every lookup is
 * bounded by the caller's workspace; the client methods see only what the portal shows that client.
 * Reads run in one read-only transaction each; the live workflow query runs outside it.
 */
@Service
class SupportDeskService implements SupportDesk {

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** Client-written timeline entries whose detail is the client's own words. */
  private static final Set<SubmissionEventType> CLIENT_WORDS =
      Set.of(
          SubmissionEventType.COMMENTED,
          SubmissionEventType.APPROVED,
          SubmissionEventType.REJECTED,
          SubmissionEventType.INTERVIEW_REQUESTED);

  private final SubmissionOverview overview;
  private final LiveSubmissionState live;
  private final JobService jobs;
  private final LoginLinks links;
  private final EmailDeliveries deliveries;
  private final AddressFlags flags;
  private final CandidateService candidates;
  private final JobActivityLog activity;
  private final ClientVisibleSubmissions visible;
  private final HealthSignals health;
  private final ProposedActions actions;
  private final Tickets tickets;
  private final AutomationReport automation;
  private final Clock clock;

  SupportDeskService(
      SubmissionOverview overview,
      LiveSubmissionState live,
      JobService jobs,
      LoginLinks links,
      EmailDeliveries deliveries,
      AddressFlags flags,
      CandidateService candidates,
      JobActivityLog activity,
      ClientVisibleSubmissions visible,
      HealthSignals health,
      ProposedActions actions,
      Tickets tickets,
      AutomationReport automation,
      Clock clock) {
    this.overview = overview;
    this.live = live;
    this.jobs = jobs;
    this.links = links;
    this.deliveries = deliveries;
    this.flags = flags;
    this.candidates = candidates;
    this.activity = activity;
    this.visible = visible;
    this.health = health;
    this.actions = actions;
    this.tickets = tickets;
    this.automation = automation;
    this.clock = clock;
  }

  @Override
  public Findings.SubmissionState submissionState(Caller caller, String submissionId) {
    SubmissionDetails details;
    try {
      details = overview.of(caller.workspaceId(), submissionId);
    } catch (NotFoundException e) {
      return Findings.SubmissionState.notFound(submissionId);
    }
    SubmissionSummary s = details.summary();
    Optional<SubmissionSnapshot> running = live.of(s);
    List<Findings.Email> emails =
        details.emails().stream()
            .map(
                e ->
                    new Findings.Email(
                        e.recipient(),
                        e.kind().name(),
                        e.subject(),
                        e.status().name(),
                        at(e.sentAt() != null ? e.sentAt() : e.createdAt()),
                        e.error()))
            .toList();
    List<TimelineEntry> timeline = details.timeline();
    List<Findings.Step> steps =
        timeline.subList(Math.max(0, timeline.size() - 10), timeline.size()).stream()
            .map(
                t ->
                    new Findings.Step(
                        at(t.at()), t.type().name(), t.actor(), marked(t.type(), t.detail())))
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

  @Override
  @Transactional(readOnly = true)
  public Findings.CollaboratorAccess collaboratorAccess(Caller caller, String email, String jobId) {
    List<Collaborator> records =
        jobs.collaboratorsByEmail(caller.workspaceId(), email).stream()
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

  @Override
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
        true, jobId, job.get().title(), jobs.activeCollaboratorsOf(jobId).size(), rows);
  }

  @Override
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

  @Override
  @Transactional(readOnly = true)
  public Findings.EmailDeliveries emailDeliveries(Caller caller, String email) {
    // Three statements however many emails: the deliveries, their histories, the address's flag.
    List<Findings.Delivery> rows =
        deliveries.toRecipient(caller.workspaceId(), email, 20).stream()
            .map(SupportDeskService::delivery)
            .toList();
    Findings.AddressFlag flag =
        flags
            .find(caller.workspaceId(), email)
            .map(f -> new Findings.AddressFlag(f.status().name(), f.reason(), at(f.flaggedAt())))
            .orElse(null);
    return new Findings.EmailDeliveries(Collaborator.normalizeEmail(email), flag, rows);
  }

  private static Findings.Delivery delivery(EmailDelivery d) {
    Instant when =
        d.statusAt() != null ? d.statusAt() : d.sentAt() != null ? d.sentAt() : d.createdAt();
    return new Findings.Delivery(
        d.kind().name(),
        d.subject(),
        d.status().name(),
        at(when),
        d.error(),
        d.submissionId(),
        d.attempts(),
        d.status() == EmailDelivery.Status.RETRYING ? at(d.nextAttemptAt()) : null,
        d.providerReason(),
        d.history().stream()
            .map(h -> new Findings.DeliveryStep(h.status().name(), at(h.at()), h.detail()))
            .toList());
  }

  @Override
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
                        r.runs().stream().map(SupportDeskService::automationRun).toList()))
            .toList();
    return new Findings.AutomationRuns(ruleNameOrId, submissionId, rules);
  }

  private static Findings.AutomationRun automationRun(AutomationReport.RunOutcome run) {
    return new Findings.AutomationRun(
        run.runId(),
        at(run.at()),
        run.event(),
        run.jobId(),
        run.submissionId(),
        run.outcome(),
        run.attempts(),
        run.error(),
        run.actions().stream()
            .map(
                a ->
                    new Findings.AutomationActionRun(
                        a.index(),
                        a.type(),
                        a.outcome(),
                        a.attempts(),
                        a.error(),
                        at(a.lastAttemptAt())))
            .toList());
  }

  @Override
  @Transactional(readOnly = true)
  public Findings.SubmissionAttachments submissionAttachments(Caller caller, String submissionId) {
    SubmissionDetails details;
    try {
      details = overview.of(caller.workspaceId(), submissionId);
    } catch (NotFoundException e) {
      return new Findings.SubmissionAttachments(false, submissionId, null, List.of(), false, false);
    }
    List<Attachment> all = candidates.attachmentsOf(details.summary().candidateId());
    Set<String> shared = Set.copyOf(details.attachmentIds());
    List<Findings.FileInfo> files = new ArrayList<>();
    for (Attachment a : all) {
      int newest =
          all.stream()
              .filter(o -> o.kind() == a.kind())
              .mapToInt(Attachment::attachmentVersion)
              .max()
              .orElse(a.attachmentVersion());
      files.add(
          new Findings.FileInfo(
              a.id(),
              a.filename(),
              a.kind().name(),
              a.attachmentVersion(),
              a.attachmentVersion() == newest,
              a.isPublic(),
              a.size(),
              a.contentType(),
              shared.contains(a.id())));
    }
    Optional<Attachment> latestResume = latestPublicResume(all);
    boolean newerNotShared =
        latestResume.isPresent()
            && !shared.contains(latestResume.get().id())
            && all.stream()
                .anyMatch(a -> a.kind() == Attachment.Kind.RESUME && shared.contains(a.id()));
    List<String> newest = newestPublicFiles(details.attachmentIds(), all);
    return new Findings.SubmissionAttachments(
        true,
        submissionId,
        details.summary().candidateName(),
        files,
        newerNotShared,
        !newest.equals(details.attachmentIds()));
  }

  static Optional<Attachment> latestPublicResume(List<Attachment> files) {
    return files.stream()
        .filter(a -> a.kind() == Attachment.Kind.RESUME && a.isPublic())
        .max(Comparator.comparingInt(Attachment::attachmentVersion));
  }

  /**
   * The shared files with each replaced by the candidate's newest public file of its kind, when
   * that is another file: the newest resume for an old one, a public copy for a private file.
   */
  static List<String> newestPublicFiles(List<String> shared, List<Attachment> all) {
    List<String> out = new ArrayList<>();
    for (String id : shared) {
      Optional<Attachment> current = all.stream().filter(a -> a.id().equals(id)).findFirst();
      String chosen = id;
      if (current.isPresent()) {
        Attachment a = current.get();
        chosen =
            all.stream()
                .filter(o -> o.kind() == a.kind() && o.isPublic())
                .filter(o -> !a.isPublic() || o.createdAt().isAfter(a.createdAt()))
                .max(Comparator.comparing(Attachment::createdAt))
                .map(Attachment::id)
                .orElse(id);
      }
      if (!out.contains(chosen)) {
        out.add(chosen);
      }
    }
    return out;
  }

  @Override
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
            .map(
                e ->
                    new Findings.ActivityEntry(
                        at(e.at()),
                        e.type().name(),
                        e.actor(),
                        e.clientVisible(),
                        marked(e.type(), e.detail())))
            .toList());
  }

  @Override
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

  // --- the client's own view ---

  private Collaborator me(Caller client) {
    return jobs.collaborator(client.userId())
        .filter(Collaborator::isActive)
        .filter(c -> c.workspaceId().equals(client.workspaceId()))
        .orElseThrow(() -> new NotFoundException("Collaborator"));
  }

  @Override
  @Transactional(readOnly = true)
  public Findings.MyAccess myAccess(Caller client) {
    Collaborator me = me(client);
    List<Job> mine = jobs.jobsOpenTo(me);
    Map<String, LoginLinks.History> history =
        links.historyOf(
            jobs.collaboratorsByEmail(me.workspaceId(), me.email()).stream()
                .filter(Collaborator::isActive)
                .map(Collaborator::id)
                .toList());
    Optional<LoginLinks.History> latest =
        history.values().stream().max(Comparator.comparing(LoginLinks.History::lastSentAt));
    return new Findings.MyAccess(
        me.email(),
        me.displayName(),
        mine.stream().map(j -> new Findings.MyJob(j.id(), j.title(), j.clientCompany())).toList(),
        latest.map(h -> at(h.lastSentAt())).orElse(null),
        latest.map(h -> h.lastLinkState(clock.instant())).orElse("NONE"));
  }

  @Override
  @Transactional(readOnly = true)
  public Findings.MyJobs myJobs(Caller client) {
    // Five statements however many jobs and candidates: the client's jobs, their visible
    // submissions with files, the candidates' names, the public files.
    List<Job> mine = jobs.jobsOpenTo(me(client));
    List<ClientVisibleSubmissions.Shown> shown =
        visible.ofJobs(mine.stream().map(Job::id).toList());
    Map<String, String> names =
        candidates.names(shown.stream().map(ClientVisibleSubmissions.Shown::candidateId).toList());
    Map<String, Attachment> files =
        candidates
            .publicFiles(shown.stream().flatMap(s -> s.attachmentIds().stream()).toList())
            .stream()
            .collect(java.util.stream.Collectors.toMap(Attachment::id, a -> a));
    List<Findings.MyJobWithCandidates> out = new ArrayList<>();
    for (Job job : mine) {
      List<Findings.VisibleSubmission> subs = new ArrayList<>();
      for (ClientVisibleSubmissions.Shown s : shown) {
        if (!s.jobId().equals(job.id())) {
          continue;
        }
        List<Findings.VisibleFile> theirs =
            s.attachmentIds().stream()
                .map(files::get)
                .filter(java.util.Objects::nonNull)
                .map(
                    a ->
                        new Findings.VisibleFile(
                            a.filename(), a.kind().name().toLowerCase().replace('_', ' '), true))
                .toList();
        subs.add(
            new Findings.VisibleSubmission(
                s.id(), names.get(s.candidateId()), clientWords(s.status()), theirs));
      }
      out.add(new Findings.MyJobWithCandidates(job.id(), job.title(), subs));
    }
    return new Findings.MyJobs(out);
  }

  private static String clientWords(SubmissionStatus status) {
    return switch (status) {
      case SENDING, AWAITING_FEEDBACK -> "waiting for your feedback";
      case INTERVIEW_REQUESTED -> "you asked for an interview";
      case APPROVED -> "you approved";
      case REJECTED -> "you declined";
      case WITHDRAWN -> "withdrawn by the recruiter";
    };
  }

  @Override
  public Findings.PortalStatus portalStatus(Caller client) {
    boolean wide = health.readings().stream().anyMatch(HealthSignals.Reading::systemWide);
    return new Findings.PortalStatus(
        wide,
        wide
            ? "The portal has a problem affecting many clients right now; the support team is"
                + " being told."
            : "No known portal-wide problem right now.");
  }

  // --- actions ---

  @Override
  public Findings.Proposal propose(Caller caller, String conversationId, ProposedAction action) {
    return actions.propose(caller, conversationId, action);
  }

  @Override
  public Findings.Escalation escalateSystemWideFailure(
      Caller caller, String conversationId, String summary) {
    List<HealthSignals.Reading> failing =
        health.readings().stream().filter(HealthSignals.Reading::systemWide).toList();
    if (failing.isEmpty()) {
      return new Findings.Escalation(
          false,
          null,
          "System health shows no system-wide failure right now, so no urgent ticket.");
    }
    String signals =
        String.join(",", failing.stream().map(r -> r.signal().name()).sorted().toList());
    String detail =
        String.join(
            "; ",
            failing.stream()
                .map(r -> r.signal().name() + " " + r.failures() + "/" + r.attempts())
                .toList());
    Tickets.Ticket ticket =
        tickets.open(
            new Tickets.Ticket(
                null,
                caller.workspaceId(),
                null,
                null,
                caller.isClient() ? caller.email() : null,
                null,
                detail,
                null,
                "System-wide failure: " + signals + (summary == null ? "" : " - " + summary),
                true,
                caller.name() + " (through REX)",
                null),
            // One urgent ticket per workspace and failing signals per window.
            "urgent/"
                + caller.workspaceId()
                + "/"
                + signals
                + "/"
                + (clock.instant().getEpochSecond() / HealthSignals.WINDOW.toSeconds()),
            conversationId);
    return new Findings.Escalation(true, ticket.id(), null);
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> internalTextsFor(Caller client) {
    List<String> jobIds = jobs.jobsOpenTo(me(client)).stream().map(Job::id).toList();
    List<String> candidateIds =
        visible.ofJobs(jobIds).stream().map(ClientVisibleSubmissions.Shown::candidateId).toList();
    List<String> out = new ArrayList<>();
    for (String text : candidates.internalTexts(candidateIds)) {
      out.add(text);
      // Each line of a note too, so that a quoted line is caught as well as the whole note.
      out.addAll(List.of(text.split("\\R")));
    }
    out.removeIf(t -> t.strip().length() < 4);
    return out;
  }

  /** The detail of an entry, marked untrusted when a client wrote it. */
  private static String marked(SubmissionEventType type, String detail) {
    return CLIENT_WORDS.contains(type) ? Untrusted.wrap(detail) : detail;
  }

  static String at(Instant instant) {
    return instant == null ? null : AT.format(instant);
  }
}
