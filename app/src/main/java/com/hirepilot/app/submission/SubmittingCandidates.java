package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.submission.internal.StepKey;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.WorkspaceSettings;
import com.hirepilot.workflows.submission.PipelineStage;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A recruiter puts a candidate in front of a job's clients. */
@Service
public class SubmittingCandidates {

  private static final Set<SubmissionStatus> OPEN =
      EnumSet.of(
          SubmissionStatus.SENDING,
          SubmissionStatus.AWAITING_FEEDBACK,
          SubmissionStatus.INTERVIEW_REQUESTED);

  /** {@link #OPEN} as stored, for the queries that look for an open submission. */
  private static final List<String> OPEN_STATUSES = OPEN.stream().map(Enum::name).toList();

  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final CandidateDirectory candidates;
  private final CandidateFiles candidateFiles;
  private final WorkspaceSettings settings;
  private final Submissions submissions;
  private final SubmissionTimeline timeline;
  private final PipelineStages pipeline;
  private final JobActivityLog activityLog;
  private final SubmissionWorkflows workflows;
  private final AddressFlags flags;
  private final SubmissionEmailQueue emails;
  private final SubmissionContexts contexts;
  private final Clock clock;

  SubmittingCandidates(
      JobService jobs,
      JobCollaborators collaborators,
      CandidateDirectory candidates,
      CandidateFiles candidateFiles,
      WorkspaceSettings settings,
      Submissions submissions,
      SubmissionTimeline timeline,
      PipelineStages pipeline,
      JobActivityLog activityLog,
      SubmissionWorkflows workflows,
      AddressFlags flags,
      SubmissionEmailQueue emails,
      SubmissionContexts contexts,
      Clock clock) {
    this.contexts = contexts;
    this.flags = flags;
    this.emails = emails;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.candidates = candidates;
    this.candidateFiles = candidateFiles;
    this.settings = settings;
    this.submissions = submissions;
    this.timeline = timeline;
    this.pipeline = pipeline;
    this.activityLog = activityLog;
    this.workflows = workflows;
    this.clock = clock;
  }

  /**
   * Records the submission and its first emails, and starts its workflow, in one transaction: if
   * the workflow cannot be started, nothing is written. Everything is checked before anything is:
   * the job (404), the candidate and the files (422), a collaborator to send to (422), no open
   * submission of the candidate for the job already (409), no collaborator's address flagged by a
   * bounce, drop or spam report (409, naming each address and why).
   */
  @Transactional
  public Submission submit(
      CurrentRecruiter recruiter,
      String jobId,
      String candidateId,
      String message,
      List<String> attachmentIds) {
    Job job = jobs.get(recruiter.workspaceId(), jobId);
    Candidate candidate =
        candidates
            .find(candidateId)
            .filter(c -> c.workspaceId().equals(recruiter.workspaceId()))
            .orElseThrow(() -> new InvalidInputException("candidateId", "no such candidate"));
    List<String> shown =
        candidateFiles.filesOf(recruiter.workspaceId(), candidate.id(), attachmentIds);
    List<Collaborator> recipients = collaborators.activeOnJob(job.id());
    if (recipients.isEmpty()) {
      throw new InvalidInputException(
          "jobId", "the job has no active collaborators to send the submission to; add one first");
    }
    if (!submissions.openOf(job.id(), List.of(candidate.id()), OPEN_STATUSES).isEmpty()) {
      throw new ConflictException(
          "This candidate already has an open submission for this job; resend it instead");
    }
    refuseFlagged(recruiter.workspaceId(), recipients);
    Instant now = clock.instant();
    Submission submission =
        submissions.save(
            Submission.submitted(
                Ids.next(),
                recruiter,
                job.id(),
                candidate.id(),
                message,
                shown,
                settings.reminderSchedule(recruiter.workspaceId()),
                now));
    timeline.append(
        StepKey.submitted(submission.id()),
        submission.id(),
        SubmissionEventType.SUBMITTED,
        recruiter.name(),
        null,
        now);
    pipeline.move(job.id(), candidate.id(), PipelineStage.SUBMITTED, now);
    activityLog.append(
        StepKey.submittedActivity(submission.id()).value(),
        job.id(),
        submission.id(),
        SubmissionEventType.SUBMITTED,
        recruiter.name(),
        true,
        candidate.name() + " was submitted",
        now);
    // The first emails are recorded here, in the submission's own transaction, so the workflow's
    // first step is to send them: the client hears sooner, and the log shows them queued at once.
    workflows.start(
        submission, emails.firstRound(contexts.of(submission, job, candidate), recipients));
    return submission;
  }

  /**
   * A submission email to an address that bounced (or was dropped, or reported our mail as spam)
   * waits until the recruiter confirms or corrects the address: a conflict naming each.
   */
  private void refuseFlagged(String workspaceId, List<Collaborator> recipients) {
    flags.refuseFlagged(workspaceId, recipients.stream().map(Collaborator::email).toList());
  }

  /** One candidate of a bulk submission that cannot be submitted, and why. */
  public record Refusal(String field, String message) {}

  /** A bulk submission was refused: nothing was submitted. */
  public static class BulkRefused extends RuntimeException {
    private final List<Refusal> refusals;

    BulkRefused(List<Refusal> refusals) {
      super("Some candidates cannot be submitted; nothing was submitted. See errors.");
      this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
      return refusals;
    }
  }

  /**
   * Submits several candidates to one job with one message, each with their newest public resume.
   * Everything is checked first, in a constant number of statements, and any problem refuses the
   * whole request with one error per candidate: nothing is started. Then each is submitted as a
   * single submit would, in its own transaction with its own workflow.
   */
  public List<Submission> submitAll(
      CurrentRecruiter recruiter, String jobId, List<String> candidateIds, String message) {
    Job job = jobs.get(recruiter.workspaceId(), jobId);
    List<Refusal> refusals = new java.util.ArrayList<>();
    List<Collaborator> recipients = collaborators.activeOnJob(job.id());
    if (recipients.isEmpty()) {
      refusals.add(
          new Refusal(
              "jobId",
              "the job has no active collaborators to send the submissions to; add one first"));
    }
    // Before any is started: the first submission would be refused the same way.
    refuseFlagged(recruiter.workspaceId(), recipients);
    Set<String> known = candidates.existingIn(recruiter.workspaceId(), candidateIds);
    Set<String> open = submissions.openOf(job.id(), candidateIds, OPEN_STATUSES);
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < candidateIds.size(); i++) {
      String id = candidateIds.get(i);
      String field = "candidateIds[" + i + "]";
      if (!seen.add(id)) {
        refusals.add(new Refusal(field, "candidate " + id + " is listed more than once"));
      } else if (!known.contains(id)) {
        refusals.add(new Refusal(field, "no such candidate: " + id));
      } else if (open.contains(id)) {
        refusals.add(
            new Refusal(field, "candidate " + id + " already has an open submission for this job"));
      }
    }
    if (!refusals.isEmpty()) {
      throw new BulkRefused(refusals);
    }
    java.util.Map<String, String> resumes = candidateFiles.newestPublicResumes(candidateIds);
    return candidateIds.stream()
        .map(
            id ->
                self()
                    .submit(
                        recruiter,
                        job.id(),
                        id,
                        message,
                        resumes.containsKey(id) ? List.of(resumes.get(id)) : List.of()))
        .toList();
  }

  private SubmittingCandidates self;

  /** Through the proxy, so each submission gets its own transaction. */
  private SubmittingCandidates self() {
    return self;
  }

  @org.springframework.beans.factory.annotation.Autowired
  void setSelf(@org.springframework.context.annotation.Lazy SubmittingCandidates self) {
    this.self = self;
  }
}
