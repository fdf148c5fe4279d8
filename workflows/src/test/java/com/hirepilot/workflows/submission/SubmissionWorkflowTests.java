package com.hirepilot.workflows.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.activity.Activity;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The submission lifecycle on Temporal's in-memory test server, with time skipping, against a fake
 * of the app's activities.
 */
// An update whose handler throws a non-Temporal exception is retried forever instead of failing;
// this turns such a hang into a failure. Each test takes well under a second.
@Timeout(60)
class SubmissionWorkflowTests {

  private static final String SUBMISSION_ID = "sub-1";

  // Not started by the extension: each test registers its own fake before the worker polls.
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(SubmissionWorkflowImpl.class)
          .setUseTimeskipping(true)
          .setDoNotStart(true)
          .build();

  private final RecordingActivities activities = new RecordingActivities();
  private TestWorkflowEnvironment testEnv;
  private SubmissionWorkflow workflow;

  @BeforeEach
  void startTheWorker(
      TestWorkflowEnvironment testEnv,
      Worker worker,
      WorkflowClient client,
      WorkflowOptions options) {
    this.testEnv = testEnv;
    worker.registerActivitiesImplementations(activities);
    testEnv.start();
    workflow =
        client.newWorkflowStub(
            SubmissionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(SubmissionWorkflow.workflowId(SUBMISSION_ID))
                .setTaskQueue(options.getTaskQueue())
                .build());
  }

  @AfterEach
  void letHeldActivitiesFinish() {
    // A test that failed while holding an activity must not keep the worker from shutting down.
    activities.releaseRecruiterNotifications();
    activities.releaseRecording();
  }

  @Test
  void sendsTheSubmissionEmailThenAwaitsFeedback() {
    submit();

    SubmissionSnapshot snapshot = awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    assertThat(activities.calls()).containsExactly("sendSubmissionEmails sub-1 round 1");
    assertThat(snapshot.decision()).isNull();
    assertThat(snapshot.stage()).isNull();
    assertThat(snapshot.timeline())
        .extracting(TimelineEntry::type, TimelineEntry::actor, TimelineEntry::detail)
        .containsExactly(
            tuple("SUBMITTED", "recruiter", null),
            tuple("EMAIL_SENT", "system", "to 2 collaborator(s)"));
  }

  @Test
  void approvalIsRecordedThenRecruiterNotifiedStageMovedAndActivityLogged() {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    DecisionReceipt receipt = workflow.decide(decision(Decision.APPROVE));

    assertThat(receipt).isEqualTo(new DecisionReceipt(SubmissionStatus.APPROVED, true));
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls())
        .containsExactly(
            "sendSubmissionEmails sub-1 round 1",
            "recordDecision APPROVE",
            "notifyRecruiter APPROVE",
            "movePipelineStage APPROVE",
            "logJobActivity APPROVE");
    // A completed workflow still answers its query, from its history.
    SubmissionSnapshot snapshot = workflow.snapshot();
    assertThat(snapshot.decision()).isEqualTo(Decision.APPROVE);
    assertThat(snapshot.stage()).isEqualTo("Client approved");
    assertThat(snapshot.timeline())
        .extracting(TimelineEntry::type)
        .containsExactly(
            "SUBMITTED", "EMAIL_SENT", "APPROVED", "RECRUITER_NOTIFIED", "PIPELINE_UPDATED");
    assertThat(snapshot.timeline().get(2))
        .extracting(TimelineEntry::actor, TimelineEntry::detail)
        .containsExactly("Casey Client", "Strong systems work");
  }

  @Test
  void repeatingTheSameDecisionChangesNothing() throws InterruptedException {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);
    // Keeps the workflow open after the approval, as a double click lands while it follows up.
    activities.holdRecruiterNotifications();
    workflow.decide(decision(Decision.APPROVE));
    assertThat(activities.recruiterNotificationStarted()).isTrue();

    DecisionReceipt repeated = workflow.decide(decision(Decision.APPROVE));

    assertThat(repeated).isEqualTo(new DecisionReceipt(SubmissionStatus.APPROVED, false));
    activities.releaseRecruiterNotifications();
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.callsTo("recordDecision")).isEqualTo(1);
    assertThat(activities.callsTo("notifyRecruiter")).isEqualTo(1);
    assertThat(workflow.snapshot().timeline())
        .extracting(TimelineEntry::type)
        .containsOnlyOnce("APPROVED");
  }

  @Test
  void aConflictingDecisionAfterAFinalOneIsRejectedByTheValidator() throws InterruptedException {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);
    // Holding the follow-ups keeps the workflow running, so the validator is what answers.
    activities.holdRecruiterNotifications();
    workflow.decide(decision(Decision.APPROVE));
    assertThat(activities.recruiterNotificationStarted()).isTrue();

    assertThatThrownBy(() -> workflow.decide(decision(Decision.REJECT)))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        // SubmissionService turns exactly this failure type into a 409 with this message.
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(IllegalStateException.class.getName());
              assertThat(failure.getOriginalMessage())
                  .isEqualTo("The candidate was already approved; that is final");
            });

    activities.releaseRecruiterNotifications();
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls()).noneMatch(call -> call.contains("REJECT"));
    assertThat(workflow.snapshot().timeline())
        .extracting(TimelineEntry::type)
        .doesNotContain("REJECTED");
  }

  @Test
  void aDecisionAfterTheWorkflowCompletedIsAnsweredAsNotFound() {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);
    workflow.decide(decision(Decision.APPROVE));
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);

    // SubmissionService catches this type and answers from the database instead.
    assertThatThrownBy(() -> workflow.decide(decision(Decision.REJECT)))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThat(activities.calls()).noneMatch(call -> call.contains("REJECT"));
  }

  @Test
  void interviewRequestKeepsTheLifecycleOpenUntilAFinalDecision() {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    DecisionReceipt interview = workflow.decide(decision(Decision.REQUEST_INTERVIEW));

    assertThat(interview)
        .isEqualTo(new DecisionReceipt(SubmissionStatus.INTERVIEW_REQUESTED, true));
    // Test time only moves while nothing is in flight, so after this every follow-up has run.
    testEnv.sleep(Duration.ofDays(30));
    assertThat(WorkflowStub.fromTyped(workflow).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    SubmissionSnapshot waiting = workflow.snapshot();
    assertThat(waiting.status()).isEqualTo(SubmissionStatus.INTERVIEW_REQUESTED);
    assertThat(waiting.stage()).isEqualTo("Client interview");

    DecisionReceipt approval = workflow.decide(decision(Decision.APPROVE));

    assertThat(approval).isEqualTo(new DecisionReceipt(SubmissionStatus.APPROVED, true));
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls())
        .filteredOn(call -> call.startsWith("notifyRecruiter "))
        .containsExactly("notifyRecruiter REQUEST_INTERVIEW", "notifyRecruiter APPROVE");
    assertThat(workflow.snapshot().stage()).isEqualTo("Client approved");
  }

  @Test
  void aDecisionWithoutAValueIsRejected() {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    assertThatThrownBy(
            () -> workflow.decide(new ClientDecision("collab-1", "Casey Client", null, null, null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure ->
                assertThat(failure.getType()).isEqualTo(IllegalArgumentException.class.getName()));
    assertThatThrownBy(() -> workflow.decide(null)).isInstanceOf(WorkflowUpdateException.class);

    assertThat(workflow.snapshot().status()).isEqualTo(SubmissionStatus.AWAITING_FEEDBACK);
    assertThat(activities.calls()).containsExactly("sendSubmissionEmails sub-1 round 1");
  }

  @Test
  void anActivityThatFailsTwiceThenSucceedsSendsOnce() {
    activities.failEmailAttempts(2);
    submit();

    SubmissionSnapshot snapshot = awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    // Temporal retried the same activity; not sending twice is the app's idempotency key's job.
    assertThat(activities.emailAttempts()).containsExactly(1, 2, 3);
    assertThat(snapshot.timeline())
        .extracting(TimelineEntry::type)
        .containsExactly("SUBMITTED", "EMAIL_SENT");
  }

  @Test
  void aRepeatedDecisionWhileTheFirstIsBeingRecordedAnswersTheRecordedStatus() throws Exception {
    WorkflowUpdateHandle<DecisionReceipt> first = interviewRequestStillBeingRecorded();

    WorkflowUpdateHandle<DecisionReceipt> repeated = startDecision(Decision.REQUEST_INTERVIEW);
    activities.releaseRecording();

    assertThat(first.getResultAsync().get(30, TimeUnit.SECONDS))
        .isEqualTo(new DecisionReceipt(SubmissionStatus.INTERVIEW_REQUESTED, true));
    assertThat(repeated.getResultAsync().get(30, TimeUnit.SECONDS))
        .isEqualTo(new DecisionReceipt(SubmissionStatus.INTERVIEW_REQUESTED, false));
    assertThat(activities.callsTo("recordDecision")).isEqualTo(1);
  }

  @Test
  void decisionsArrivingTogetherAreRecordedInTheOrderTheyWereAccepted() throws Exception {
    WorkflowUpdateHandle<DecisionReceipt> interview = interviewRequestStillBeingRecorded();

    // Valid when it arrives (an interview request is not final), so it waits its turn.
    WorkflowUpdateHandle<DecisionReceipt> approval = startDecision(Decision.APPROVE);
    activities.releaseRecording();

    assertThat(interview.getResultAsync().get(30, TimeUnit.SECONDS).status())
        .isEqualTo(SubmissionStatus.INTERVIEW_REQUESTED);
    assertThat(approval.getResultAsync().get(30, TimeUnit.SECONDS))
        .isEqualTo(new DecisionReceipt(SubmissionStatus.APPROVED, true));
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls())
        .filteredOn(call -> call.startsWith("recordDecision "))
        .containsExactly("recordDecision REQUEST_INTERVIEW", "recordDecision APPROVE");
    assertThat(workflow.snapshot().decision()).isEqualTo(Decision.APPROVE);
  }

  @Test
  void aConflictingDecisionAcceptedWhileAFinalOneIsRecordedIsRefused() throws Exception {
    WorkflowUpdateHandle<DecisionReceipt> interview = interviewRequestStillBeingRecorded();
    // Both pass validation now: the approval and the rejection queue behind the interview.
    WorkflowUpdateHandle<DecisionReceipt> approval = startDecision(Decision.APPROVE);
    WorkflowUpdateHandle<DecisionReceipt> rejection = startDecision(Decision.REJECT);
    activities.releaseRecording();

    interview.getResultAsync().get(30, TimeUnit.SECONDS);
    assertThat(approval.getResultAsync().get(30, TimeUnit.SECONDS).status())
        .isEqualTo(SubmissionStatus.APPROVED);
    assertThatThrownBy(() -> rejection.getResultAsync().get(30, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(ApplicationFailure.class)
        .rootCause()
        .hasMessageContaining("already approved; that is final");
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls()).noneMatch(call -> call.contains("REJECT"));
  }

  /** An interview request whose recordDecision is held, so later decisions arrive meanwhile. */
  private WorkflowUpdateHandle<DecisionReceipt> interviewRequestStillBeingRecorded()
      throws InterruptedException {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);
    activities.holdRecordingOf(Decision.REQUEST_INTERVIEW);
    WorkflowUpdateHandle<DecisionReceipt> interview = startDecision(Decision.REQUEST_INTERVIEW);
    assertThat(activities.recordingStarted()).isTrue();
    return interview;
  }

  private WorkflowUpdateHandle<DecisionReceipt> startDecision(Decision decision) {
    return WorkflowStub.fromTyped(workflow)
        .startUpdate(
            "decide", WorkflowUpdateStage.ACCEPTED, DecisionReceipt.class, decision(decision));
  }

  private void submit() {
    WorkflowClient.start(
        workflow::run, new SubmissionRequest(SUBMISSION_ID, "ws-1", "job-1", "cand-1"));
  }

  /** Waits on the test clock, so retry backoffs are skipped rather than waited out. */
  private SubmissionSnapshot awaitStatus(SubmissionStatus expected) {
    SubmissionSnapshot snapshot = workflow.snapshot();
    for (int round = 0; round < 100 && snapshot.status() != expected; round++) {
      testEnv.sleep(Duration.ofSeconds(1));
      snapshot = workflow.snapshot();
    }
    assertThat(snapshot.status()).as("status of %s", snapshot).isEqualTo(expected);
    return snapshot;
  }

  private SubmissionStatus result() {
    return WorkflowStub.fromTyped(workflow).getResult(SubmissionStatus.class);
  }

  private static ClientDecision decision(Decision decision) {
    return new ClientDecision("collab-1", "Casey Client", decision, "Strong systems work", null);
  }

  /**
   * Stands in for the app's activities: remembers every call in order and can fail or hold a call
   * on demand. Activities run on the worker's threads, so everything here is thread-safe.
   */
  static final class RecordingActivities implements SubmissionActivities {

    /** Only a safety net so a broken test cannot hang the worker; tests release long before. */
    private static final long HOLD_LIMIT_SECONDS = 30;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Integer> emailAttempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger emailFailuresLeft = new AtomicInteger();
    private final CountDownLatch recruiterNotificationStarted = new CountDownLatch(1);
    private volatile CountDownLatch recruiterNotificationGate = new CountDownLatch(0);
    private volatile Decision heldRecording;
    private final CountDownLatch recordingStarted = new CountDownLatch(1);
    private final CountDownLatch recordingGate = new CountDownLatch(1);

    /** Keeps {@link #recordDecision} of this decision running until released. */
    void holdRecordingOf(Decision decision) {
      heldRecording = decision;
    }

    boolean recordingStarted() throws InterruptedException {
      return recordingStarted.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    void releaseRecording() {
      recordingGate.countDown();
    }

    /** The next {@code times} email attempts fail, as an unreachable mail relay would. */
    void failEmailAttempts(int times) {
      emailFailuresLeft.set(times);
    }

    /** Keeps {@link #notifyRecruiter} running until released, so the workflow stays open. */
    void holdRecruiterNotifications() {
      recruiterNotificationGate = new CountDownLatch(1);
    }

    void releaseRecruiterNotifications() {
      recruiterNotificationGate.countDown();
    }

    /** Whether the workflow reached its follow-ups; waits for that, within the safety net. */
    boolean recruiterNotificationStarted() throws InterruptedException {
      return recruiterNotificationStarted.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Every call, failed attempts included, in the order the worker ran them. */
    List<String> calls() {
      return List.copyOf(calls);
    }

    long callsTo(String activity) {
      return calls.stream().filter(call -> call.startsWith(activity + " ")).count();
    }

    /** Temporal's attempt number of every sendSubmissionEmails call. */
    List<Integer> emailAttempts() {
      return List.copyOf(emailAttempts);
    }

    @Override
    public int sendSubmissionEmails(String submissionId, int round) {
      calls.add("sendSubmissionEmails " + submissionId + " round " + round);
      emailAttempts.add(Activity.getExecutionContext().getInfo().getAttempt());
      if (emailFailuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("Mail relay unavailable");
      }
      return 2;
    }

    @Override
    public void recordDecision(String submissionId, ClientDecision decision) {
      if (decision.decision() == heldRecording) {
        recordingStarted.countDown();
        await(recordingGate);
      }
      calls.add("recordDecision " + decision.decision());
    }

    private static void await(CountDownLatch gate) {
      try {
        gate.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while held", e);
      }
    }

    @Override
    public void notifyRecruiter(String submissionId, ClientDecision decision) {
      calls.add("notifyRecruiter " + decision.decision());
      recruiterNotificationStarted.countDown();
      await(recruiterNotificationGate);
    }

    @Override
    public String movePipelineStage(String submissionId, Decision decision) {
      calls.add("movePipelineStage " + decision);
      return switch (decision) {
        case APPROVE -> "Client approved";
        case REJECT -> "Client rejected";
        case REQUEST_INTERVIEW -> "Client interview";
      };
    }

    @Override
    public void logJobActivity(String submissionId, ClientDecision decision) {
      calls.add("logJobActivity " + decision.decision());
    }
  }
}
