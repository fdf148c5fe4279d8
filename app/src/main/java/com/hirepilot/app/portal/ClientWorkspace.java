package com.hirepilot.app.portal;

import com.hirepilot.app.auth.PortalClient;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.CandidateCard;
import com.hirepilot.app.candidate.CandidateService;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.ClientFeedback;
import com.hirepilot.app.submission.ClientVisibleSubmissions;
import com.hirepilot.app.submission.SubmissionComment;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
  private final CandidateService candidates;
  private final ClientVisibleSubmissions submissions;
  private final JobActivityLog activityLog;
  private final ClientFeedback feedback;

  ClientWorkspace(
      JobService jobs,
      CandidateService candidates,
      ClientVisibleSubmissions submissions,
      JobActivityLog activityLog,
      ClientFeedback feedback) {
    this.jobs = jobs;
    this.candidates = candidates;
    this.submissions = submissions;
    this.activityLog = activityLog;
    this.feedback = feedback;
  }

  /** Everything the job page shows, read at once. */
  record JobPage(
      PortalViews.Session session,
      PortalViews.JobView job,
      List<PortalViews.SubmissionDetail> submissions,
      List<PortalViews.ActivityView> activity) {}

  @Transactional(readOnly = true)
  public PortalViews.Session session() {
    return session(signedIn());
  }

  /** What the portal's home page shows: who is signed in, and their jobs. */
  record HomePage(PortalViews.Session session, List<PortalViews.JobSummary> jobs) {}

  @Transactional(readOnly = true)
  public HomePage homePage() {
    Collaborator me = signedIn();
    return new HomePage(session(me), jobsOf(me));
  }

  /** The client's jobs with how many candidates each shows them. */
  @Transactional(readOnly = true)
  public List<PortalViews.JobSummary> jobs() {
    return jobsOf(signedIn());
  }

  private List<PortalViews.JobSummary> jobsOf(Collaborator me) {
    List<Job> open = jobs.jobsOpenTo(me);
    Map<String, Integer> counts = submissions.countsByJob(open.stream().map(Job::id).toList());
    return open.stream()
        .map(
            job ->
                new PortalViews.JobSummary(
                    job.id(), job.title(), job.clientCompany(), counts.getOrDefault(job.id(), 0)))
        .toList();
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
    return new JobPage(
        session(me), view(job), details(submissions.ofJob(job.id())), activityOf(job));
  }

  @Transactional(readOnly = true)
  public List<PortalViews.ActivityView> activity(String jobId) {
    return activityOf(visibleJob(signedIn(), jobId));
  }

  /** The job of a submission the client can see, for redirects after a form post. */
  @Transactional(readOnly = true)
  public String jobIdOf(String submissionId) {
    return visibleSubmission(signedIn(), submissionId).jobId();
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
        .flatMap(jobs::collaborator)
        .filter(Collaborator::isActive)
        .orElseThrow(PortalSessionEnded::new);
  }

  private static PortalViews.Session session(Collaborator me) {
    return new PortalViews.Session(new PortalViews.Person(me.displayName(), me.email()));
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

  private List<PortalViews.ActivityView> activityOf(Job job) {
    // A withdrawn candidate disappears from the portal, their history included.
    Set<String> withdrawn = submissions.withdrawnOf(job.id());
    return activityLog.clientVisibleForJob(job.id()).stream()
        .filter(a -> a.submissionId() == null || !withdrawn.contains(a.submissionId()))
        .map(a -> new PortalViews.ActivityView(a.at(), a.type().name(), a.actor(), a.detail()))
        .toList();
  }

  /** The cards, with their public files, of these submissions: three statements for any number. */
  private List<PortalViews.SubmissionView> views(List<ClientVisibleSubmissions.Shown> shown) {
    Map<String, CandidateCard> cards =
        candidates.cards(shown.stream().map(ClientVisibleSubmissions.Shown::candidateId).toList());
    Map<String, Attachment> files =
        candidates
            .publicFiles(shown.stream().flatMap(s -> s.attachmentIds().stream()).toList())
            .stream()
            .collect(Collectors.toMap(Attachment::id, a -> a, (a, b) -> a));
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
                  s.attachmentIds().stream()
                      .map(files::get)
                      .filter(Objects::nonNull)
                      .map(
                          a ->
                              new PortalViews.AttachmentView(
                                  a.id(), a.filename(), a.kind().name(), a.contentType(), a.size()))
                      .toList());
            })
        .toList();
  }

  private List<PortalViews.SubmissionDetail> details(List<ClientVisibleSubmissions.Shown> shown) {
    Map<String, ClientVisibleSubmissions.Thread> threads =
        submissions.threads(shown.stream().map(ClientVisibleSubmissions.Shown::id).toList());
    return views(shown).stream()
        .map(
            view ->
                new PortalViews.SubmissionDetail(
                    view.id(),
                    view.candidate(),
                    view.message(),
                    view.submittedAt(),
                    view.status(),
                    view.attachments(),
                    thread(view, threads.get(view.id()))))
        .toList();
  }

  /** The submission message, the client-visible decisions and updates, and the comments. */
  private static List<PortalViews.ThreadEntry> thread(
      PortalViews.SubmissionView view, ClientVisibleSubmissions.Thread thread) {
    List<PortalViews.ThreadEntry> entries = new ArrayList<>();
    entries.add(
        new PortalViews.ThreadEntry(
            view.submittedAt(), "SUBMITTED", "Your recruiter", view.message()));
    thread.events().stream()
        .map(
            t ->
                t.type() == SubmissionEventType.RESENT
                    ? new PortalViews.ThreadEntry(
                        t.at(), "UPDATED", "Your recruiter", "The submission was updated.")
                    : new PortalViews.ThreadEntry(t.at(), t.type().name(), t.actor(), t.detail()))
        .forEach(entries::add);
    thread.comments().stream()
        .map(c -> new PortalViews.ThreadEntry(c.at(), "COMMENTED", c.author(), c.body()))
        .forEach(entries::add);
    entries.sort(Comparator.comparing(PortalViews.ThreadEntry::at));
    return entries;
  }
}
