package com.hirepilot.app.portal;

import com.hirepilot.app.auth.PortalClient;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.CandidateCard;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivity;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.ClientFeedback;
import com.hirepilot.app.submission.ClientVisibleSubmissions;
import com.hirepilot.app.submission.SubmissionComment;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.AgencyBrand;
import com.hirepilot.app.workspace.AgencyBrands;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a signed-in client can reach, checked against the database on every call: the session
 * names a collaborator, the collaborator must still be active, and a job is visible only while the
 * same person is an active collaborator on it.
 *
 * <p>Each read is one read-only transaction with a fixed number of statements, however many
 * candidates the job has: a portal page under load never holds one pooled connection while asking
 * for another.
 */
@Service
class ClientWorkspace {

  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final CandidateDirectory candidates;
  private final CandidateFiles candidateFiles;
  private final ClientVisibleSubmissions submissions;
  private final JobActivityLog activityLog;
  private final ClientFeedback feedback;
  private final AgencyBrands brands;

  ClientWorkspace(
      JobService jobs,
      JobCollaborators collaborators,
      CandidateDirectory candidates,
      CandidateFiles candidateFiles,
      ClientVisibleSubmissions submissions,
      JobActivityLog activityLog,
      ClientFeedback feedback,
      AgencyBrands brands) {
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.candidates = candidates;
    this.candidateFiles = candidateFiles;
    this.submissions = submissions;
    this.activityLog = activityLog;
    this.feedback = feedback;
    this.brands = brands;
  }

  /** What the portal's home page shows: who is signed in, their agency, and their jobs. */
  record HomePage(
      PortalViews.Session session, PortalViews.Brand brand, List<PortalViews.JobSummary> jobs) {}

  /** Everything the job page shows, read at once. */
  record JobPage(
      PortalViews.Session session,
      PortalViews.Brand brand,
      PortalViews.JobView job,
      PortalViews.JobSummary counts,
      List<PortalViews.SubmissionView> submissions,
      List<PortalViews.ActivityView> activity) {}

  /** Everything the candidate page shows, read at once. */
  record CandidatePage(
      PortalViews.Session session,
      PortalViews.Brand brand,
      PortalViews.JobView job,
      PortalViews.SubmissionDetail submission,
      List<PortalViews.ActivityView> activity) {}

  /** The page frame of pages that show no job: who is signed in, and their agency. */
  record Frame(PortalViews.Session session, PortalViews.Brand brand) {}

  @Transactional(readOnly = true)
  public PortalViews.Session session() {
    return session(signedIn());
  }

  @Transactional(readOnly = true)
  public Frame frame() {
    Collaborator me = signedIn();
    return new Frame(session(me), brand(me));
  }

  @Transactional(readOnly = true)
  public HomePage homePage() {
    Collaborator me = signedIn();
    return new HomePage(session(me), brand(me), jobsOf(me));
  }

  /** The client's jobs with how many candidates each shows them. */
  @Transactional(readOnly = true)
  public List<PortalViews.JobSummary> jobs() {
    return jobsOf(signedIn());
  }

  private List<PortalViews.JobSummary> jobsOf(Collaborator me) {
    List<Job> open = jobs.jobsOpenTo(me);
    Map<String, ClientVisibleSubmissions.Counts> counts =
        submissions.countsByJob(open.stream().map(Job::id).toList());
    return open.stream()
        .map(
            job ->
                summary(job, counts.getOrDefault(job.id(), ClientVisibleSubmissions.Counts.NONE)))
        .toList();
  }

  private static PortalViews.JobSummary summary(Job job, ClientVisibleSubmissions.Counts c) {
    return new PortalViews.JobSummary(
        job.id(),
        job.title(),
        job.clientCompany(),
        c.total(),
        c.waiting(),
        c.interview(),
        c.approved(),
        c.rejected());
  }

  @Transactional(readOnly = true)
  public PortalViews.JobView job(String jobId) {
    return view(visibleJob(signedIn(), jobId));
  }

  @Transactional(readOnly = true)
  public List<PortalViews.SubmissionView> submissionsOf(String jobId) {
    Job job = visibleJob(signedIn(), jobId);
    return views(submissions.ofJob(job.id()));
  }

  @Transactional(readOnly = true)
  public PortalViews.SubmissionDetail submission(String submissionId) {
    return details(List.of(visibleSubmission(signedIn(), submissionId))).get(0);
  }

  @Transactional(readOnly = true)
  public JobPage jobPage(String jobId) {
    Collaborator me = signedIn();
    Job job = visibleJob(me, jobId);
    List<ClientVisibleSubmissions.Shown> shown = submissions.ofJob(job.id());
    List<PortalViews.SubmissionView> cards = new ArrayList<>(views(shown));
    // The candidates waiting for the client come first: they are the reason to open the page.
    cards.sort(Comparator.comparingInt(s -> ClientVisibleSubmissions.Counts.slotOf(s.status())));
    return new JobPage(
        session(me),
        brand(me),
        view(job),
        summary(
            job,
            ClientVisibleSubmissions.Counts.of(
                cards.stream().map(PortalViews.SubmissionView::status).toList())),
        cards,
        activityOf(job, shown));
  }

  @Transactional(readOnly = true)
  public CandidatePage candidatePage(String submissionId) {
    Collaborator me = signedIn();
    ClientVisibleSubmissions.Shown shown =
        submissions.one(submissionId).orElseThrow(() -> new NotFoundException("Submission"));
    Job job =
        jobs.jobOpenTo(me, shown.jobId()).orElseThrow(() -> new NotFoundException("Submission"));
    PortalViews.SubmissionDetail detail = details(List.of(shown)).get(0);
    // Only this candidate's lines: they are visible, so no withdrawn ones to leave out.
    List<JobActivity> lines = new ArrayList<>(activityLog.clientVisibleForJob(job.id()));
    java.util.Collections.reverse(lines);
    List<PortalViews.ActivityView> activity =
        lines.stream()
            .filter(a -> shown.id().equals(a.submissionId()))
            .map(a -> activityView(a, shown.status()))
            .toList();
    return new CandidatePage(session(me), brand(me), view(job), detail, activity);
  }

  @Transactional(readOnly = true)
  public List<PortalViews.ActivityView> activity(String jobId) {
    Job job = visibleJob(signedIn(), jobId);
    return activityOf(job, submissions.ofJob(job.id()));
  }

  /**
   * Where an event stream opens: who watches, and the place in the job's log the page has seen up
   * to.
   *
   * @param seenUpTo when the last line the page has was written, if it names a line of the job
   */
  record Watch(String collaboratorId, Optional<java.time.Instant> seenUpTo) {}

  /**
   * Checks the signed-in client may watch the job's events.
   *
   * @param after the last line the page has, or null
   */
  @Transactional(readOnly = true)
  public Watch watch(String jobId, String after) {
    Collaborator me = signedIn();
    Job job = visibleJob(me, jobId);
    return new Watch(
        me.id(),
        after == null ? Optional.empty() : activityLog.clientVisibleLineAt(job.id(), after));
  }

  /**
   * The job's client-visible activity for an open event stream, checked as a request would be: the
   * collaborator must still be active and still on the job.
   *
   * @throws PortalSessionEnded or {@link NotFoundException} once they may no longer see it
   */
  @Transactional(readOnly = true)
  public List<PortalViews.ActivityView> activityFor(String collaboratorId, String jobId) {
    Collaborator me =
        collaborators
            .find(collaboratorId)
            .filter(Collaborator::isActive)
            .orElseThrow(PortalSessionEnded::new);
    Job job = visibleJob(me, jobId);
    return activityOf(job, submissions.ofJob(job.id()));
  }

  /**
   * The job of a candidate the agency withdrew, if the client may see that job: the page then
   * explains why the candidate is gone instead of a bare "not found".
   */
  @Transactional(readOnly = true)
  public Optional<PortalViews.JobView> jobOfWithdrawn(String submissionId) {
    Collaborator me = signedIn();
    return submissions
        .withdrawnJobOf(submissionId)
        .flatMap(jobId -> jobs.jobOpenTo(me, jobId))
        .map(ClientWorkspace::view);
  }

  /** The job of a submission the client can see, for redirects after a form post. */
  @Transactional(readOnly = true)
  public String jobIdOf(String submissionId) {
    return visibleSubmission(signedIn(), submissionId).jobId();
  }

  /**
   * A file the client may download: a public attachment shown with a submission they can see. Any
   * other file, a private one, another job's, a withdrawn candidate's, is as good as unknown.
   */
  @Transactional(readOnly = true)
  public PortalViews.FileToSend file(String attachmentId) {
    Collaborator me = signedIn();
    Attachment file =
        candidateFiles.publicFiles(List.of(attachmentId)).stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Attachment"));
    boolean shownToMe =
        submissions.jobsShowingFile(file.id()).stream()
            .anyMatch(jobId -> jobs.jobOpenTo(me, jobId).isPresent());
    if (!shownToMe) {
      throw new NotFoundException("Attachment");
    }
    return new PortalViews.FileToSend(
        file.filename(), file.contentType(), file.size(), file.storageName());
  }

  /**
   * Not one transaction: the decision waits for the workflow's answer, and no pooled connection
   * waits with it.
   */
  PortalViews.DecisionResult decide(
      String submissionId, Decision decision, String reason, String availability) {
    Collaborator me = signedIn();
    String visible = visibleSubmission(me, submissionId).id();
    return new PortalViews.DecisionResult(
        feedback.decide(visible, me, decision, reason, availability));
  }

  PortalViews.CommentView comment(String submissionId, String body) {
    Collaborator me = signedIn();
    String visible = visibleSubmission(me, submissionId).id();
    SubmissionComment comment = feedback.comment(visible, me, body);
    return new PortalViews.CommentView(
        comment.id(), comment.at(), comment.author(), comment.body());
  }

  private Collaborator signedIn() {
    return PortalClient.collaboratorId()
        .flatMap(collaborators::find)
        .filter(Collaborator::isActive)
        .orElseThrow(PortalSessionEnded::new);
  }

  private static PortalViews.Session session(Collaborator me) {
    return new PortalViews.Session(new PortalViews.Person(me.displayName(), me.email()));
  }

  private PortalViews.Brand brand(Collaborator me) {
    AgencyBrand brand = brands.of(me.workspaceId());
    return new PortalViews.Brand(brand.name(), brand.colour(), brand.themePath(), brand.logoPath());
  }

  private Job visibleJob(Collaborator me, String jobId) {
    return jobs.jobOpenTo(me, jobId).orElseThrow(() -> new NotFoundException("Job"));
  }

  /** The job is derived from the submission on the server, never taken from the request. */
  private ClientVisibleSubmissions.Shown visibleSubmission(Collaborator me, String submissionId) {
    ClientVisibleSubmissions.Shown shown =
        submissions.one(submissionId).orElseThrow(() -> new NotFoundException("Submission"));
    if (jobs.jobOpenTo(me, shown.jobId()).isEmpty()) {
      throw new NotFoundException("Submission");
    }
    return shown;
  }

  private static PortalViews.JobView view(Job job) {
    return new PortalViews.JobView(
        job.id(),
        job.title(),
        job.showDescriptionToClients() ? job.description() : null,
        job.requirements(),
        job.location(),
        job.clientCompany());
  }

  /** Newest first, each line with its candidate's status now. */
  private List<PortalViews.ActivityView> activityOf(
      Job job, List<ClientVisibleSubmissions.Shown> shown) {
    // A withdrawn candidate disappears from the portal, their history included.
    Set<String> withdrawn = submissions.withdrawnOf(job.id());
    Map<String, SubmissionStatus> statuses =
        shown.stream()
            .collect(
                Collectors.toMap(
                    ClientVisibleSubmissions.Shown::id,
                    ClientVisibleSubmissions.Shown::status,
                    (a, b) -> a));
    List<JobActivity> lines = new ArrayList<>(activityLog.clientVisibleForJob(job.id()));
    java.util.Collections.reverse(lines);
    return lines.stream()
        .filter(a -> a.submissionId() == null || !withdrawn.contains(a.submissionId()))
        .map(
            a -> {
              SubmissionStatus status =
                  a.submissionId() == null ? null : statuses.get(a.submissionId());
              return activityView(a, status);
            })
        .toList();
  }

  private static PortalViews.ActivityView activityView(JobActivity a, SubmissionStatus status) {
    return new PortalViews.ActivityView(
        a.id(),
        a.at(),
        a.type().name(),
        a.actor(),
        a.detail(),
        a.submissionId(),
        status,
        status == null ? null : PortalLabels.status(status));
  }

  /** The cards, with their public files, of these submissions: three statements for any number. */
  private List<PortalViews.SubmissionView> views(List<ClientVisibleSubmissions.Shown> shown) {
    Map<String, CandidateCard> cards =
        candidates.cards(shown.stream().map(ClientVisibleSubmissions.Shown::candidateId).toList());
    Map<String, Attachment> files =
        candidateFiles
            .publicFiles(shown.stream().flatMap(s -> s.attachmentIds().stream()).toList())
            .stream()
            .collect(Collectors.toMap(Attachment::id, Function.identity(), (a, b) -> a));
    return shown.stream()
        .map(
            s -> {
              CandidateCard c = cards.get(s.candidateId());
              return new PortalViews.SubmissionView(
                  s.id(),
                  new PortalViews.CandidateCard(
                      c.name(), c.title(), c.currentCompany(), c.skills(), c.summary()),
                  s.message(),
                  s.submittedAt(),
                  s.status(),
                  PortalLabels.status(s.status()),
                  s.attachmentIds().stream()
                      .map(files::get)
                      .filter(Objects::nonNull)
                      .map(ClientWorkspace::attachment)
                      .toList());
            })
        .toList();
  }

  private static PortalViews.AttachmentView attachment(Attachment a) {
    return new PortalViews.AttachmentView(
        a.id(),
        a.filename(),
        a.kind().name(),
        PortalLabels.kind(a.kind()),
        a.contentType(),
        a.size(),
        PortalLabels.preview(a.contentType()));
  }

  private List<PortalViews.SubmissionDetail> details(List<ClientVisibleSubmissions.Shown> shown) {
    Map<String, ClientVisibleSubmissions.Thread> threads =
        submissions.threads(shown.stream().map(ClientVisibleSubmissions.Shown::id).toList());
    Map<String, ClientVisibleSubmissions.Shown> byId =
        shown.stream()
            .collect(Collectors.toMap(ClientVisibleSubmissions.Shown::id, s -> s, (a, b) -> a));
    return views(shown).stream()
        .map(
            view -> {
              ClientVisibleSubmissions.Shown s = byId.get(view.id());
              return new PortalViews.SubmissionDetail(
                  view.id(),
                  s.jobId(),
                  view.candidate(),
                  view.message(),
                  view.submittedAt(),
                  view.status(),
                  view.statusLabel(),
                  view.attachments(),
                  thread(s, threads.get(view.id())));
            })
        .toList();
  }

  /**
   * The recruiter's first message and each update, the client's decisions and both sides' comments,
   * oldest first.
   */
  private static List<PortalViews.ThreadEntry> thread(
      ClientVisibleSubmissions.Shown shown, ClientVisibleSubmissions.Thread thread) {
    List<PortalViews.ThreadEntry> entries = new ArrayList<>();
    entries.add(
        new PortalViews.ThreadEntry(
            shown.submittedAt(), "SUBMITTED", "Your recruiter", shown.firstMessage(), true));
    thread.updates().stream()
        .map(
            u ->
                new PortalViews.ThreadEntry(
                    u.at(),
                    "UPDATED",
                    u.actor(),
                    u.message() != null
                        ? u.message()
                        : u.filesChanged()
                            ? "The candidate's files were updated."
                            : "The submission was sent again.",
                    true))
        .forEach(entries::add);
    thread.events().stream()
        .map(
            t -> new PortalViews.ThreadEntry(t.at(), t.type().name(), t.actor(), t.detail(), false))
        .forEach(entries::add);
    thread.comments().stream()
        .map(
            c ->
                new PortalViews.ThreadEntry(
                    c.at(),
                    c.fromRecruiter() ? "REPLIED" : "COMMENTED",
                    c.author(),
                    c.body(),
                    c.fromRecruiter()))
        .forEach(entries::add);
    entries.sort(Comparator.comparing(PortalViews.ThreadEntry::at));
    return entries;
  }
}
