package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Attachments;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.Candidates;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Collaborators;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.StatusSearchAttribute;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.app.workspace.Recruiters;
import com.hirepilot.app.workspace.ReminderSchedule;
import com.hirepilot.app.workspace.WorkspaceSettings;
import com.hirepilot.workflows.submission.ClientComment;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.RecruiterAction;
import com.hirepilot.workflows.submission.Resend;
import com.hirepilot.workflows.submission.SubmissionActivities;
import com.hirepilot.workflows.submission.SubmissionProgress;
import com.hirepilot.workflows.submission.SubmissionRequest;
import com.hirepilot.workflows.submission.SubmissionSnapshot;
import com.hirepilot.workflows.submission.SubmissionStatus;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Submits candidates, carries client decisions to their workflows, and reads their state. */
@Service
public class SubmissionService {

  private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

  static final Set<SubmissionStatus> OPEN =
      EnumSet.of(
          SubmissionStatus.SENDING,
          SubmissionStatus.AWAITING_FEEDBACK,
          SubmissionStatus.INTERVIEW_REQUESTED);

  private final Submissions submissions;
  private final JobService jobs;
  private final Candidates candidates;
  private final Attachments attachments;
  private final SubmissionTimeline timeline;
  private final PipelineStages pipeline;
  private final JobActivityLog activityLog;
  private final WorkflowClient workflows;
  private final Collaborators collaborators;
  private final Recruiters recruiters;
  private final SubmissionComments comments;
  private final WorkspaceSettings settings;
  private final StatusSearchAttribute statusIndex;
  private final SubmissionActivities activities;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SubmissionService(
      Submissions submissions,
      JobService jobs,
      Candidates candidates,
      Attachments attachments,
      SubmissionTimeline timeline,
      PipelineStages pipeline,
      JobActivityLog activityLog,
      WorkflowClient workflows,
      Collaborators collaborators,
      Recruiters recruiters,
      SubmissionComments comments,
      WorkspaceSettings settings,
      StatusSearchAttribute statusIndex,
      SubmissionActivities activities,
      TransactionTemplate transactions,
      Clock clock) {
    this.submissions = submissions;
    this.jobs = jobs;
    this.candidates = candidates;
    this.attachments = attachments;
    this.timeline = timeline;
    this.pipeline = pipeline;
    this.activityLog = activityLog;
    this.workflows = workflows;
    this.collaborators = collaborators;
    this.recruiters = recruiters;
    this.comments = comments;
    this.settings = settings;
    this.statusIndex = statusIndex;
    this.activities = activities;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Records the submission and starts its workflow in one step: if the workflow cannot be started,
   * nothing is written.
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
            .findByIdAndWorkspaceId(candidateId, recruiter.workspaceId())
            .orElseThrow(() -> new InvalidInputException("candidateId", "no such candidate"));
    Set<Submission.SubmittedAttachment> shown = new LinkedHashSet<>();
    for (String attachmentId : candidateAttachments(recruiter, candidate.id(), attachmentIds)) {
      shown.add(new Submission.SubmittedAttachment(attachmentId));
    }
    List<Collaborator> recipients = jobs.activeCollaboratorsOf(job.id());
    if (recipients.isEmpty()) {
      throw new InvalidInputException(
          "jobId", "the job has no active collaborators to send the submission to; add one first");
    }
    if (submissions.existsByJobIdAndCandidateIdAndStatusIn(job.id(), candidate.id(), OPEN)) {
      throw new ConflictException(
          "This candidate already has an open submission for this job; resend it instead");
    }
    Instant now = clock.instant();
    Submission submission =
        submissions.save(
            new Submission(
                Ids.next(),
                recruiter.workspaceId(),
                job.id(),
                candidate.id(),
                recruiter.recruiterId(),
                message,
                SubmissionStatus.SENDING,
                null,
                null,
                null,
                null,
                null,
                settings.reminderSchedule(recruiter.workspaceId()).text(),
                1,
                null,
                0,
                0,
                false,
                null,
                null,
                null,
                shown,
                null,
                now));
    timeline.append(
        SubmissionActivitiesImpl.key(submission.id(), "SUBMITTED"),
        submission.id(),
        "SUBMITTED",
        recruiter.name(),
        null,
        now);
    pipeline.move(job.id(), candidate.id(), PipelineStages.SUBMITTED, now);
    activityLog.append(
        SubmissionActivitiesImpl.key(submission.id(), "activity", "SUBMITTED"),
        job.id(),
        submission.id(),
        "SUBMITTED",
        recruiter.name(),
        true,
        candidate.name() + " was submitted",
        now);
    start(submission, null);
    return submission;
  }

  /**
   * Starts the submission's workflow unless it is already running. Starting twice is harmless: the
   * workflow ID is the submission's.
   *
   * @param resumeFrom where an earlier run got to, or null for a new submission
   */
  void start(Submission submission, SubmissionProgress resumeFrom) {
    SubmissionWorkflow workflow =
        workflows.newWorkflowStub(
            SubmissionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(submission.workflowId())
                .setTaskQueue(SubmissionWorkflow.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    try {
      WorkflowClient.start(
          workflow::run,
          new SubmissionRequest(
              submission.id(),
              submission.workspaceId(),
              submission.jobId(),
              submission.candidateId(),
              ReminderSchedule.parse(submission.reminderSchedule()).delays(),
              resumeFrom,
              statusIndex.available()));
    } catch (WorkflowExecutionAlreadyStarted e) {
      log.debug("Workflow {} already exists", submission.workflowId());
    }
  }

  /**
   * Gives a submission whose workflow was lost (the embedded server keeps workflows in memory) a
   * workflow that carries on from what the database recorded.
   */
  void resume(Submission submission) {
    start(submission, progressOf(submission));
  }

  private SubmissionProgress progressOf(Submission s) {
    ClientDecision decision = null;
    if (s.decision() != null) {
      String actor =
          s.decidedBy() == null
              ? "client"
              : collaborators
                  .findById(s.decidedBy())
                  .map(Collaborator::displayName)
                  .orElse("client");
      decision =
          new ClientDecision(
              s.decidedBy(), actor, s.decision(), s.decisionReason(), s.decisionAvailability());
    }
    RecruiterAction withdrawal = null;
    if (s.status() == SubmissionStatus.WITHDRAWN) {
      String actor =
          s.withdrawnBy() == null
              ? "recruiter"
              : recruiters.findById(s.withdrawnBy()).map(Recruiter::name).orElse("recruiter");
      withdrawal = new RecruiterAction(s.withdrawnBy(), actor);
    }
    return new SubmissionProgress(
        s.emailRound(),
        s.roundSentAt(),
        s.reminderStep(),
        s.remindersSent(),
        s.recruiterAlerted(),
        decision,
        withdrawal,
        comments.unnotifiedOf(s.id()));
  }

  public Submission get(String workspaceId, String submissionId) {
    return submissions
        .findByIdAndWorkspaceId(submissionId, workspaceId)
        .orElseThrow(() -> new NotFoundException("Submission"));
  }

  /** The workflow's live view while it runs; empty once it has closed or cannot be asked. */
  public Optional<SubmissionSnapshot> liveState(Submission submission) {
    if (submission.settledAt() != null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          workflows.newWorkflowStub(SubmissionWorkflow.class, submission.workflowId()).snapshot());
    } catch (WorkflowNotFoundException e) {
      // Unsettled yet gone: the embedded server lost it and start-up has not resumed it yet.
      log.warn("No workflow {} for an unsettled submission: {}", submission.workflowId(), e);
      return Optional.empty();
    } catch (WorkflowException | io.grpc.StatusRuntimeException e) {
      log.warn("Could not query {}: {}", submission.workflowId(), e.getMessage());
      return Optional.empty();
    }
  }

  public String stageOf(Submission submission) {
    return pipeline.stageOf(submission.jobId(), submission.candidateId()).orElse(null);
  }

  public List<com.hirepilot.workflows.submission.TimelineEntry> timelineOf(String submissionId) {
    return timeline.of(submissionId);
  }

  /**
   * Hands a client's decision to the workflow. The same decision again answers the same status; a
   * different one after a final outcome is a conflict.
   */
  public SubmissionStatus decide(
      Submission submission,
      Collaborator collaborator,
      Decision decision,
      String reason,
      String availability) {
    if (submission.status().isFinal()) {
      return sameOrConflict(submission, decision);
    }
    ClientDecision clientDecision =
        new ClientDecision(
            collaborator.id(), collaborator.displayName(), decision, reason, availability);
    return update(
        submission,
        workflow -> workflow.decide(clientDecision).status(),
        latest -> sameOrConflict(latest, decision),
        true);
  }

  /**
   * Withdraws the candidate: the client stops seeing them at once and reminders stop. Withdrawing
   * again answers the same; after the client's final decision it is a conflict.
   */
  public SubmissionStatus withdraw(CurrentRecruiter recruiter, String submissionId) {
    Submission submission = get(recruiter.workspaceId(), submissionId);
    if (submission.status().isFinal()) {
      return sameOrConflict(submission, SubmissionStatus.WITHDRAWN);
    }
    RecruiterAction withdrawal = new RecruiterAction(recruiter.recruiterId(), recruiter.name());
    return update(
        submission,
        workflow -> workflow.withdraw(withdrawal).status(),
        latest -> sameOrConflict(latest, SubmissionStatus.WITHDRAWN),
        true);
  }

  /**
   * Sends the submission email again, with new attachments and message if given; the reminder
   * schedule starts over from it.
   *
   * @param attachmentIds the candidate's files to show from now on, or null to keep the current
   * @return the email round now going out
   */
  public int resend(
      CurrentRecruiter recruiter, String submissionId, List<String> attachmentIds, String message) {
    Submission submission = get(recruiter.workspaceId(), submissionId);
    List<String> checked =
        attachmentIds == null
            ? null
            : candidateAttachments(recruiter, submission.candidateId(), attachmentIds);
    if (submission.status().isFinal()) {
      throw new ConflictException(
          "The candidate was already "
              + submission.status().name().toLowerCase(Locale.ROOT)
              + "; there is nothing to resend");
    }
    if (jobs.activeCollaboratorsOf(submission.jobId()).isEmpty()) {
      throw new InvalidInputException(
          "jobId", "the job has no active collaborators to send the submission to; add one first");
    }
    Resend resend =
        new Resend(
            recruiter.recruiterId(),
            recruiter.name(),
            checked,
            message == null || message.isBlank() ? null : message);
    return update(
        submission,
        workflow -> workflow.resend(resend).round(),
        latest -> {
          throw new ConflictException(
              "The candidate was already "
                  + latest.status().name().toLowerCase(Locale.ROOT)
                  + "; there is nothing to resend");
        },
        true);
  }

  /**
   * Stores a client's comment and shows it in the thread at once; the workflow passes it on to the
   * recruiter. Once the lifecycle is over there is no workflow, so this request does it.
   */
  public SubmissionComments.Comment comment(
      Submission submission, Collaborator collaborator, String body) {
    Instant now = clock.instant();
    SubmissionComments.Comment comment =
        transactions.execute(
            tx -> {
              SubmissionComments.Comment added =
                  comments.add(
                      submission.id(), collaborator.id(), collaborator.displayName(), body, now);
              timeline.append(
                  SubmissionActivitiesImpl.key(submission.id(), "comment", added.id()),
                  submission.id(),
                  "COMMENTED",
                  collaborator.displayName(),
                  body.length() > 200 ? body.substring(0, 199) + "…" : body,
                  now);
              String candidate =
                  candidates.findById(submission.candidateId()).map(Candidate::name).orElse("");
              activityLog.append(
                  SubmissionActivitiesImpl.key(submission.id(), "activity", "COMMENT", added.id()),
                  submission.jobId(),
                  submission.id(),
                  "COMMENTED",
                  collaborator.displayName(),
                  true,
                  collaborator.displayName() + " commented on " + candidate,
                  now);
              return added;
            });
    ClientComment signal =
        new ClientComment(comment.id(), collaborator.id(), collaborator.displayName());
    Submission latest = submissions.findById(submission.id()).orElseThrow();
    boolean signalled = false;
    // After a final outcome the workflow is finishing: pass the comment on here instead.
    if (latest.settledAt() == null && !latest.status().isFinal()) {
      try {
        workflows.newWorkflowStub(SubmissionWorkflow.class, latest.workflowId()).comment(signal);
        signalled = true;
      } catch (WorkflowNotFoundException e) {
        log.debug("{} has closed; passing the comment on directly", latest.workflowId());
      }
    }
    if (!signalled) {
      try {
        activities.notifyRecruiterOfComment(submission.id(), comment.id());
      } catch (MailException e) {
        // The comment is stored and shown; the failed delivery is on the submission's record.
        log.warn("Could not email the recruiter about comment {}", comment.id());
      }
    }
    return comment;
  }

  /** The workspace's submissions, newest first, for monitoring. */
  public List<Submission> list(String workspaceId, SubmissionStatus status, String jobId) {
    return submissions.findForMonitoring(
        workspaceId, status == null ? null : status.name(), jobId, 500);
  }

  /**
   * Calls one of the workflow's Updates. A conflict it reports becomes a 409; if the workflow has
   * closed meanwhile, the database has the outcome; if the embedded server lost it, it is resumed
   * from the database and asked again.
   */
  private <T> T update(
      Submission submission,
      java.util.function.Function<SubmissionWorkflow, T> call,
      java.util.function.Function<Submission, T> whenClosed,
      boolean mayResume) {
    var workflow = workflows.newWorkflowStub(SubmissionWorkflow.class, submission.workflowId());
    try {
      return call.apply(workflow);
    } catch (WorkflowUpdateException e) {
      if (isRejectedAsConflict(e)) {
        throw new ConflictException(rootMessage(e));
      }
      throw e;
    } catch (WorkflowNotFoundException e) {
      Submission latest = submissions.findById(submission.id()).orElseThrow();
      if (latest.settledAt() != null || latest.status().isFinal() || !mayResume) {
        return whenClosed.apply(latest);
      }
      resume(latest);
      return update(latest, call, whenClosed, false);
    }
  }

  private List<String> candidateAttachments(
      CurrentRecruiter recruiter, String candidateId, List<String> attachmentIds) {
    List<String> checked = new java.util.ArrayList<>();
    for (String attachmentId : new LinkedHashSet<>(attachmentIds)) {
      Attachment attachment =
          attachments
              .findByIdAndWorkspaceId(attachmentId, recruiter.workspaceId())
              .filter(a -> a.candidateId().equals(candidateId))
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "attachmentIds",
                          "attachment " + attachmentId + " is not this candidate's"));
      checked.add(attachment.id());
    }
    return checked;
  }

  private static SubmissionStatus sameOrConflict(Submission submission, Decision decision) {
    if (submission.decision() == decision && submission.status() != SubmissionStatus.WITHDRAWN) {
      return submission.status();
    }
    throw finalAlready(submission);
  }

  private static SubmissionStatus sameOrConflict(Submission submission, SubmissionStatus wanted) {
    if (submission.status() == wanted) {
      return submission.status();
    }
    throw finalAlready(submission);
  }

  private static ConflictException finalAlready(Submission submission) {
    return new ConflictException(
        "The candidate was already "
            + submission.status().name().toLowerCase(Locale.ROOT)
            + "; that is final");
  }

  private static boolean isRejectedAsConflict(WorkflowUpdateException e) {
    return e.getCause() instanceof ApplicationFailure failure
        && IllegalStateException.class.getName().equals(failure.getType());
  }

  private static String rootMessage(WorkflowUpdateException e) {
    return e.getCause() instanceof ApplicationFailure failure
        ? failure.getOriginalMessage()
        : "That conflicts with the submission's current state";
  }
}
