package com.hirepilot.app.submission;

import com.hirepilot.app.submission.internal.ResumePoint;
import com.hirepilot.app.submission.internal.StatusSearchAttribute;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.workspace.ReminderSchedule;
import com.hirepilot.workflows.email.QueuedEmails;
import com.hirepilot.workflows.submission.ClientComment;
import com.hirepilot.workflows.submission.SubmissionConflict;
import com.hirepilot.workflows.submission.SubmissionRequest;
import com.hirepilot.workflows.submission.SubmissionSnapshot;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The app's side of the submission workflows: starting them, bringing back one the embedded server
 * forgot, calling their Updates and signals, asking their query. A refusal from the workflow
 * becomes a {@link ConflictException} (409).
 */
@Component
class SubmissionWorkflows {

  private static final Logger log = LoggerFactory.getLogger(SubmissionWorkflows.class);

  private final WorkflowClient client;
  private final Submissions submissions;
  private final RecordedProgress progress;
  private final StatusSearchAttribute statusIndex;

  /**
   * The queries of workflows' live views under way: viewers who ask about one workflow while its
   * query runs share that answer instead of queueing one query each. Nothing is kept once the
   * answer is in, so a view never shows a state older than the query it waited for (a page that
   * refreshes on an event must see the state after it).
   */
  private final Map<String, CompletableFuture<Optional<SubmissionSnapshot>>> asking =
      new ConcurrentHashMap<>();

  SubmissionWorkflows(
      WorkflowClient client,
      Submissions submissions,
      RecordedProgress progress,
      StatusSearchAttribute statusIndex) {
    this.client = client;
    this.submissions = submissions;
    this.progress = progress;
    this.statusIndex = statusIndex;
  }

  /**
   * Starts a new submission's workflow, whose first step is to deliver the first round's recorded
   * emails; starting it twice is harmless (the ID is derived).
   */
  void start(Submission submission, QueuedEmails firstRound) {
    start(
        submission.workflowId(),
        new SubmissionRequest(
            submission.id(),
            submission.workspaceId(),
            submission.jobId(),
            submission.candidateId(),
            ReminderSchedule.parse(submission.reminderSchedule()).delays(),
            null,
            statusIndex.available(),
            firstRound),
        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
  }

  /**
   * Gives a submission whose workflow was lost a workflow that carries on from the recorded
   * progress. A workflow that is running already is kept, and one that has closed in this process
   * is not run again: the record may have moved on since the progress was read.
   */
  void resume(ResumePoint point) {
    start(
        point.workflowId(),
        point.request(statusIndex.available()),
        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
  }

  private void start(
      String workflowId, SubmissionRequest request, WorkflowIdReusePolicy reusePolicy) {
    SubmissionWorkflow workflow =
        client.newWorkflowStub(
            SubmissionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(SubmissionWorkflow.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setWorkflowIdReusePolicy(reusePolicy)
                .build());
    try {
      WorkflowClient.start(workflow::run, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      log.debug("Workflow {} exists already", workflowId);
    }
  }

  /**
   * Calls one of the workflow's Updates. If the workflow has closed meanwhile, the database has the
   * outcome and {@code whenClosed} answers from it; if the embedded server lost the workflow, it is
   * resumed from the database and asked again.
   */
  <T> T update(
      Submission submission,
      Function<SubmissionWorkflow, T> call,
      Function<Submission, T> whenClosed) {
    try {
      return call.apply(stub(submission));
    } catch (WorkflowNotFoundException e) {
      Submission latest = submissions.findById(submission.id()).orElseThrow();
      ResumePoint point = latest.status().isFinal() ? null : progress.of(latest.id());
      if (point == null) {
        return whenClosed.apply(latest);
      }
      resume(point);
      try {
        return call.apply(stub(latest));
      } catch (WorkflowNotFoundException closedAgain) {
        return whenClosed.apply(submissions.findById(submission.id()).orElseThrow());
      } catch (WorkflowUpdateException refused) {
        throw asConflict(refused);
      }
    } catch (WorkflowUpdateException refused) {
      throw asConflict(refused);
    }
  }

  /**
   * Hands a stored comment to the workflow, which passes it on to the recruiter.
   *
   * @return false when the submission has no workflow left to do it (it is settled)
   */
  boolean signal(Submission submission, ClientComment comment) {
    try {
      stub(submission).comment(comment);
      return true;
    } catch (WorkflowNotFoundException e) {
      ResumePoint point = progress.of(submission.id());
      if (point == null) {
        return false;
      }
      resume(point);
      // Start-up may have resumed it just before, from progress read before this comment; passing
      // a comment on twice sends one email (its key), so tell the workflow in any case.
      try {
        stub(submission).comment(comment);
      } catch (WorkflowNotFoundException closed) {
        return false;
      }
      return true;
    }
  }

  /** The running workflow's live view; empty once it has closed or cannot be asked. */
  Optional<SubmissionSnapshot> liveState(String workflowId) {
    CompletableFuture<Optional<SubmissionSnapshot>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<SubmissionSnapshot>> running = asking.putIfAbsent(workflowId, mine);
    if (running != null) {
      return running.join();
    }
    try {
      Optional<SubmissionSnapshot> answer = query(workflowId);
      mine.complete(answer);
      return answer;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      asking.remove(workflowId, mine);
    }
  }

  private Optional<SubmissionSnapshot> query(String workflowId) {
    try {
      return Optional.of(client.newWorkflowStub(SubmissionWorkflow.class, workflowId).snapshot());
    } catch (WorkflowNotFoundException e) {
      // Unsettled yet gone: start-up has not resumed it yet, or its workflow is just finishing.
      log.debug("No workflow {} to ask; the database answers", workflowId);
      return Optional.empty();
    } catch (WorkflowException | StatusRuntimeException e) {
      log.warn("Could not query {}: {}", workflowId, e.getMessage());
      return Optional.empty();
    }
  }

  private SubmissionWorkflow stub(Submission submission) {
    return client.newWorkflowStub(SubmissionWorkflow.class, submission.workflowId());
  }

  private static RuntimeException asConflict(WorkflowUpdateException refused) {
    if (SubmissionConflict.is(refused.getCause())) {
      return new ConflictException(((ApplicationFailure) refused.getCause()).getOriginalMessage());
    }
    return refused;
  }
}
