package com.hirepilot.app.portal;

import com.hirepilot.app.auth.PortalClient;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Attachments;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.Candidates;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Collaborators;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.Jobs;
import com.hirepilot.app.submission.Submission;
import com.hirepilot.app.submission.SubmissionComments;
import com.hirepilot.app.submission.SubmissionService;
import com.hirepilot.app.submission.Submissions;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything a signed-in client can reach, checked against the database on every call: the session
 * names a collaborator, the collaborator must still be active, and a job is visible only while the
 * same person is an active collaborator on it.
 */
@Service
class ClientWorkspace {

  /** Timeline entries clients see in a submission's thread; comments come from their own table. */
  private static final Set<String> THREAD_TYPES =
      Set.of("APPROVED", "REJECTED", "INTERVIEW_REQUESTED", "RESENT");

  private final Collaborators collaborators;
  private final Jobs jobs;
  private final Submissions submissions;
  private final Candidates candidates;
  private final Attachments attachments;
  private final SubmissionService submissionService;
  private final JobActivityLog activityLog;
  private final SubmissionComments comments;
  private final JdbcClient jdbc;

  ClientWorkspace(
      Collaborators collaborators,
      Jobs jobs,
      Submissions submissions,
      Candidates candidates,
      Attachments attachments,
      SubmissionService submissionService,
      JobActivityLog activityLog,
      SubmissionComments comments,
      JdbcClient jdbc) {
    this.collaborators = collaborators;
    this.jobs = jobs;
    this.submissions = submissions;
    this.candidates = candidates;
    this.attachments = attachments;
    this.submissionService = submissionService;
    this.activityLog = activityLog;
    this.comments = comments;
    this.jdbc = jdbc;
  }

  Collaborator signedIn() {
    return PortalClient.collaboratorId()
        .flatMap(collaborators::findById)
        .filter(Collaborator::isActive)
        .orElseThrow(PortalSessionEnded::new);
  }

  PortalViews.Session session() {
    Collaborator me = signedIn();
    return new PortalViews.Session(new PortalViews.Person(me.displayName(), me.email()));
  }

  List<PortalViews.JobSummary> jobs() {
    Collaborator me = signedIn();
    return visibleJobIds(me).stream()
        .map(jobs::findById)
        .flatMap(java.util.Optional::stream)
        .map(
            job ->
                new PortalViews.JobSummary(
                    job.id(), job.title(), job.clientCompany(), visibleSubmissions(job).size()))
        .toList();
  }

  PortalViews.JobView job(String jobId) {
    Job job = visibleJob(jobId);
    return new PortalViews.JobView(
        job.id(),
        job.title(),
        job.showDescriptionToClients() ? job.description() : null,
        job.requirements(),
        job.location(),
        job.clientCompany());
  }

  List<PortalViews.SubmissionView> submissionsOf(String jobId) {
    Job job = visibleJob(jobId);
    return visibleSubmissions(job).stream().map(this::view).toList();
  }

  PortalViews.SubmissionDetail submission(String submissionId) {
    return detail(visibleSubmission(submissionId));
  }

  PortalViews.CommentView comment(String submissionId, String body) {
    Collaborator me = signedIn();
    Submission submission = visibleSubmission(me, submissionId);
    var comment = submissionService.comment(submission, me, body);
    return new PortalViews.CommentView(
        comment.id(), comment.at(), comment.author(), comment.body());
  }

  private PortalViews.SubmissionDetail detail(Submission submission) {
    PortalViews.SubmissionView view = view(submission);
    return new PortalViews.SubmissionDetail(
        view.id(),
        view.candidate(),
        view.message(),
        view.submittedAt(),
        view.status(),
        view.attachments(),
        thread(submission));
  }

  /** The job's candidates with their threads, for the portal's job page. */
  List<PortalViews.SubmissionDetail> submissionDetailsOf(String jobId) {
    Job job = visibleJob(jobId);
    return visibleSubmissions(job).stream().map(this::detail).toList();
  }

  List<PortalViews.ActivityView> activity(String jobId) {
    Job job = visibleJob(jobId);
    // A withdrawn candidate disappears from the portal, their history included.
    Set<String> withdrawn =
        submissions.findByJobIdOrderByCreatedAt(job.id()).stream()
            .filter(s -> s.status() == SubmissionStatus.WITHDRAWN)
            .map(Submission::id)
            .collect(java.util.stream.Collectors.toSet());
    return activityLog.clientVisibleForJob(job.id()).stream()
        .filter(a -> a.submissionId() == null || !withdrawn.contains(a.submissionId()))
        .map(a -> new PortalViews.ActivityView(a.at(), a.type(), a.actor(), a.detail()))
        .toList();
  }

  PortalViews.DecisionResult decide(
      String submissionId, Decision decision, String reason, String availability) {
    Collaborator me = signedIn();
    Submission submission = visibleSubmission(me, submissionId);
    SubmissionStatus status =
        submissionService.decide(submission, me, decision, reason, availability);
    return new PortalViews.DecisionResult(status);
  }

  /** The job of a submission the client can see, for redirects after a form post. */
  String jobIdOf(String submissionId) {
    return visibleSubmission(submissionId).jobId();
  }

  private List<String> visibleJobIds(Collaborator me) {
    return jdbc.sql(
            """
            select c.job_id from collaborator c join job j on j.id = c.job_id
            where c.email = ? and c.workspace_id = ? and c.status = 'ACTIVE'
            order by j.created_at
            """)
        .params(me.email(), me.workspaceId())
        .query(String.class)
        .list();
  }

  private Job visibleJob(String jobId) {
    return visibleJob(signedIn(), jobId);
  }

  private Job visibleJob(Collaborator me, String jobId) {
    if (jobId == null || !visibleJobIds(me).contains(jobId)) {
      throw new NotFoundException("Job");
    }
    return jobs.findById(jobId).orElseThrow(() -> new NotFoundException("Job"));
  }

  private Submission visibleSubmission(String submissionId) {
    return visibleSubmission(signedIn(), submissionId);
  }

  private Submission visibleSubmission(Collaborator me, String submissionId) {
    Submission submission =
        submissions.findById(submissionId).orElseThrow(() -> new NotFoundException("Submission"));
    // The job is derived from the submission on the server, never taken from the request.
    try {
      visibleJob(me, submission.jobId());
    } catch (NotFoundException e) {
      throw new NotFoundException("Submission");
    }
    if (submission.status() == SubmissionStatus.WITHDRAWN) {
      throw new NotFoundException("Submission");
    }
    return submission;
  }

  private List<Submission> visibleSubmissions(Job job) {
    return submissions.findByJobIdOrderByCreatedAt(job.id()).stream()
        .filter(s -> s.status() != SubmissionStatus.WITHDRAWN)
        .toList();
  }

  private PortalViews.SubmissionView view(Submission submission) {
    Candidate c = candidates.findById(submission.candidateId()).orElseThrow();
    List<PortalViews.AttachmentView> files =
        submission.attachments().stream()
            .map(a -> attachments.findById(a.attachmentId()).orElse(null))
            .filter(Objects::nonNull)
            .filter(Attachment::isPublic)
            .map(
                a ->
                    new PortalViews.AttachmentView(
                        a.id(), a.filename(), a.kind().name(), a.contentType(), a.size()))
            .toList();
    return new PortalViews.SubmissionView(
        submission.id(),
        new PortalViews.CandidateCard(
            c.name(), c.title(), c.currentCompany(), c.skillNames(), c.summary()),
        submission.message(),
        submission.createdAt(),
        submission.status(),
        files);
  }

  private List<PortalViews.ThreadEntry> thread(Submission submission) {
    List<PortalViews.ThreadEntry> thread = new java.util.ArrayList<>();
    thread.add(
        new PortalViews.ThreadEntry(
            submission.createdAt(), "SUBMITTED", "Your recruiter", submission.message()));
    submissionService.timelineOf(submission.id()).stream()
        .filter(t -> THREAD_TYPES.contains(t.type()))
        .map(
            t ->
                t.type().equals("RESENT")
                    ? new PortalViews.ThreadEntry(
                        t.at(), "UPDATED", "Your recruiter", "The submission was updated.")
                    : new PortalViews.ThreadEntry(t.at(), t.type(), t.actor(), t.detail()))
        .forEach(thread::add);
    comments.of(submission.id()).stream()
        .map(c -> new PortalViews.ThreadEntry(c.at(), "COMMENTED", c.author(), c.body()))
        .forEach(thread::add);
    thread.sort(java.util.Comparator.comparing(PortalViews.ThreadEntry::at));
    return thread;
  }
}
