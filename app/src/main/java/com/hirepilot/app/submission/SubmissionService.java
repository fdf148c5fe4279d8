package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Attachments;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.Candidates;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.DecisionReceipt;
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
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
      Clock clock) {
    this.submissions = submissions;
    this.jobs = jobs;
    this.candidates = candidates;
    this.attachments = attachments;
    this.timeline = timeline;
    this.pipeline = pipeline;
    this.activityLog = activityLog;
    this.workflows = workflows;
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
    for (String attachmentId : attachmentIds) {
      Attachment attachment =
          attachments
              .findByIdAndWorkspaceId(attachmentId, recruiter.workspaceId())
              .filter(a -> a.candidateId().equals(candidate.id()))
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "attachmentIds",
                          "attachment " + attachmentId + " is not this candidate's"));
      shown.add(new Submission.SubmittedAttachment(attachment.id()));
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
    start(submission);
    return submission;
  }

  /**
   * Starts the submission's workflow unless it is already running. Starting twice is harmless: the
   * workflow ID is the submission's.
   */
  void start(Submission submission) {
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
              submission.candidateId()));
    } catch (WorkflowExecutionAlreadyStarted e) {
      log.debug("Workflow {} already exists", submission.workflowId());
    }
  }

  public Submission get(String workspaceId, String submissionId) {
    return submissions
        .findByIdAndWorkspaceId(submissionId, workspaceId)
        .orElseThrow(() -> new NotFoundException("Submission"));
  }

  /** The workflow's live view while it runs; empty once it has closed or cannot be asked. */
  public Optional<SubmissionSnapshot> liveState(Submission submission) {
    if (!OPEN.contains(submission.status())) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          workflows.newWorkflowStub(SubmissionWorkflow.class, submission.workflowId()).snapshot());
    } catch (WorkflowNotFoundException e) {
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
   * different one after a final decision is a conflict.
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
    var workflow = workflows.newWorkflowStub(SubmissionWorkflow.class, submission.workflowId());
    try {
      DecisionReceipt receipt =
          workflow.decide(
              new ClientDecision(
                  collaborator.id(), collaborator.displayName(), decision, reason, availability));
      return receipt.status();
    } catch (WorkflowUpdateException e) {
      if (isRejectedAsConflict(e)) {
        throw new ConflictException(rootMessage(e));
      }
      throw e;
    } catch (WorkflowNotFoundException e) {
      // The workflow closed between our read and the update: the database has the outcome.
      return sameOrConflict(submissions.findById(submission.id()).orElseThrow(), decision);
    }
  }

  private static SubmissionStatus sameOrConflict(Submission submission, Decision decision) {
    if (submission.decision() == decision) {
      return submission.status();
    }
    throw new ConflictException(
        "The candidate was already "
            + submission.status().name().toLowerCase(java.util.Locale.ROOT)
            + "; that is final");
  }

  private static boolean isRejectedAsConflict(WorkflowUpdateException e) {
    return e.getCause() instanceof ApplicationFailure failure
        && IllegalStateException.class.getName().equals(failure.getType());
  }

  private static String rootMessage(WorkflowUpdateException e) {
    return e.getCause() instanceof ApplicationFailure failure
        ? failure.getOriginalMessage()
        : "That decision conflicts with the current one";
  }
}
