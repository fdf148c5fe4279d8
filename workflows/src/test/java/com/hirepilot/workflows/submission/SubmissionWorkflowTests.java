package com.hirepilot.workflows.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
          .registerSearchAttribute(
              SubmissionWorkflow.STATUS_SEARCH_ATTRIBUTE,
              IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setUseTimeskipping(true)
          .setDoNotStart(true)
          .build();

  /** The default schedule: reminders two and five days after the email. */
  private static final List<Duration> SCHEDULE = List.of(Duration.ofDays(2), Duration.ofDays(5));

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
    activities.releaseEverything();
  }

  @Test
  void sendsTheSubmissionEmailThenAwaitsFeedback() {
    submit();

    SubmissionSnapshot snapshot = awaitFirstReminderDue();

    assertThat(activities.calls())
        .containsExactly(
            "queueSubmissionEmails sub-1 round 1", "handToAutomation SUBMISSION_SENT 1");
    assertThat(snapshot.decision()).isNull();
    assertThat(snapshot.stage()).isNull();
    assertThat(snapshot.round()).isEqualTo(1);
    assertThat(snapshot.runTimeline())
        .extracting(SubmissionWorkflowTests::type, TimelineEntry::actor, TimelineEntry::detail)
        .containsExactly(
            tuple("SUBMITTED", "recruiter", null),
            tuple("EMAIL_SENT", "system", "round 1 to 2 collaborator(s)"));
    assertThat(snapshot.runEmails())
        .extracting(SubmissionWorkflowTests::kind, EmailSend::round, EmailSend::recipients)
        .containsExactly(tuple("SUBMISSION", 1, 2));
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
            "queueSubmissionEmails sub-1 round 1",
            "handToAutomation SUBMISSION_SENT 1",
            "recordDecision APPROVE",
            "queueRecruiterNotification APPROVE",
            "movePipelineStage APPROVE",
            "logJobActivity APPROVE",
            "updateDeal APPROVE",
            "handToAutomation APPROVED APPROVE",
            "settle sub-1");
    // A completed workflow still answers its query, from its history.
    SubmissionSnapshot snapshot = workflow.snapshot();
    assertThat(snapshot.decision()).isEqualTo(Decision.APPROVE);
    assertThat(snapshot.stage()).isEqualTo(PipelineStage.CLIENT_APPROVED);
    assertThat(snapshot.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsExactly(
            "SUBMITTED", "EMAIL_SENT", "APPROVED", "RECRUITER_NOTIFIED", "PIPELINE_UPDATED");
    assertThat(snapshot.runTimeline().get(2))
        .extracting(TimelineEntry::actor, TimelineEntry::detail)
        .containsExactly("Casey Client", "Strong systems work");
    Histories.record(testEnv, workflow, "approve");
  }

  /**
   * The app records the first round's emails with the submission: the workflow delivers them as its
   * first activity and records nothing again; marking the round sent happens in the worker (a local
   * activity), and so is the hand-over of SUBMISSION_SENT: the server sees only the deliveries.
   */
  @Test
  void aFirstRoundQueuedWithTheSubmissionIsDeliveredFirstAndRecordedInTheWorker() {
    List<String> firstRound = List.of("SUBMISSION/1/collab-1", "SUBMISSION/1/collab-2");
    start(
        new SubmissionRequest(
            SUBMISSION_ID,
            "ws-1",
            "job-1",
            "cand-1",
            SCHEDULE,
            null,
            false,
            new com.hirepilot.workflows.email.QueuedEmails(firstRound, Duration.ofHours(24))));
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    assertThat(activities.calls()).containsExactly("handToAutomation SUBMISSION_SENT 1");
    assertThat(activities.deliveryAttempts()).containsExactlyInAnyOrderElementsOf(firstRound);
    assertThat(activities.roundsSent()).containsExactly(1);
    assertThat(remoteActivities()).containsExactly("Deliver", "Deliver");

    workflow.decide(decision(Decision.APPROVE));
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls())
        .containsExactly(
            "handToAutomation SUBMISSION_SENT 1",
            "recordDecision APPROVE",
            "queueRecruiterNotification APPROVE",
            "movePipelineStage APPROVE",
            "logJobActivity APPROVE",
            "updateDeal APPROVE",
            "handToAutomation APPROVED APPROVE",
            "settle sub-1");
    Histories.record(testEnv, workflow, "approve-first-round-queued");
  }

  /** The activity types the workflow has scheduled on the server, in order. */
  private List<String> remoteActivities() {
    return testEnv
        .getWorkflowClient()
        .fetchHistory(SubmissionWorkflow.workflowId(SUBMISSION_ID))
        .getEvents()
        .stream()
        .filter(io.temporal.api.history.v1.HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
        .toList();
  }

  @Test
  void aBrokenAutomationEngineNeverKeepsTheSubmissionFromSettling() {
    activities.breakAutomation();
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    workflow.decide(decision(Decision.REJECT));

    assertThat(result()).isEqualTo(SubmissionStatus.REJECTED);
    // A few attempts for each hand-over, then the lifecycle carries on to the end.
    assertThat(activities.callsTo("handToAutomation")).isEqualTo(10);
    assertThat(activities.calls())
        .containsSubsequence(
            "queueSubmissionEmails sub-1 round 1",
            "handToAutomation SUBMISSION_SENT 1",
            "recordDecision REJECT",
            "queueRecruiterNotification REJECT",
            "movePipelineStage REJECT",
            "logJobActivity REJECT",
            "updateDeal REJECT",
            "handToAutomation REJECTED REJECT",
            "settle sub-1");
    assertThat(activities.calls()).last().isEqualTo("settle sub-1");
    Histories.record(testEnv, workflow, "automation-broken-reject");
  }

  @Test
  void repeatingTheSameDecisionChangesNothing() throws InterruptedException {
    // Keeps the workflow open after the approval, as a double click lands while it follows up.
    decideAndHoldTheFollowUps(Decision.APPROVE);

    DecisionReceipt repeated = workflow.decide(decision(Decision.APPROVE));

    assertThat(repeated).isEqualTo(new DecisionReceipt(SubmissionStatus.APPROVED, false));
    activities.releaseRecruiterNotifications();
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.callsTo("recordDecision")).isEqualTo(1);
    assertThat(activities.callsTo("queueRecruiterNotification")).isEqualTo(1);
    assertThat(workflow.snapshot().runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsOnlyOnce("APPROVED");
    Histories.record(testEnv, workflow, "repeated-decision");
  }

  @Test
  void aConflictingDecisionAfterAFinalOneIsRejectedByTheValidator() throws InterruptedException {
    // Holding the follow-ups keeps the workflow running, so the validator is what answers.
    decideAndHoldTheFollowUps(Decision.APPROVE);

    // SubmissionService turns exactly this failure type into a 409 with this message.
    assertRefusedAsConflict(
        () -> workflow.decide(decision(Decision.REJECT)),
        "The candidate was already approved; that is final");

    activities.releaseRecruiterNotifications();
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls()).noneMatch(call -> call.contains("REJECT"));
    assertThat(workflow.snapshot().runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .doesNotContain("REJECTED");
    Histories.record(testEnv, workflow, "conflicting-decision");
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
    assertThat(waiting.stage()).isEqualTo(PipelineStage.CLIENT_INTERVIEW);
    assertThat(waiting.nextReminderAt()).isNull();
    assertThat(waiting.remindersSent()).isZero();

    DecisionReceipt approval = workflow.decide(decision(Decision.APPROVE));

    assertThat(approval).isEqualTo(new DecisionReceipt(SubmissionStatus.APPROVED, true));
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls())
        .filteredOn(call -> call.startsWith("queueRecruiterNotification "))
        .containsExactly(
            "queueRecruiterNotification REQUEST_INTERVIEW", "queueRecruiterNotification APPROVE");
    assertThat(activities.calls())
        .containsSubsequence(
            "recordDecision REQUEST_INTERVIEW",
            "queueRecruiterNotification REQUEST_INTERVIEW",
            "movePipelineStage REQUEST_INTERVIEW",
            "logJobActivity REQUEST_INTERVIEW",
            "updateDeal REQUEST_INTERVIEW",
            "handToAutomation INTERVIEW_REQUESTED REQUEST_INTERVIEW",
            "recordDecision APPROVE",
            "queueRecruiterNotification APPROVE",
            "movePipelineStage APPROVE",
            "logJobActivity APPROVE",
            "updateDeal APPROVE",
            "handToAutomation APPROVED APPROVE",
            "settle sub-1");
    SubmissionSnapshot approved = workflow.snapshot();
    assertThat(approved.stage()).isEqualTo(PipelineStage.CLIENT_APPROVED);
    assertThat(approved.remindersSent()).isZero();
    assertThat(approved.nextReminderAt()).isNull();
    assertThat(approved.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsSubsequence("INTERVIEW_REQUESTED", "APPROVED")
        .doesNotContain("REMINDER_SENT");
    // Both reminder deadlines passed while the interview was pending: neither sent a reminder.
    assertThat(activities.callsTo("queueReminders")).isZero();
    Histories.record(testEnv, workflow, "interview-then-approve");
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
    assertThat(activities.calls()).noneMatch(call -> call.startsWith("recordDecision"));
  }

  @Test
  void anActivityThatFailsTwiceThenSucceedsSendsOnce() {
    activities.failEmailAttempts(2);
    submit();

    SubmissionSnapshot snapshot = awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    assertThat(activities.emailAttempts()).containsExactly(1, 2, 3);
    assertThat(activities.emails())
        .containsExactlyInAnyOrder("SUBMISSION/1/collab-1", "SUBMISSION/1/collab-2");
    assertThat(snapshot.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsExactly("SUBMITTED", "EMAIL_SENT");
  }

  @Test
  void aRecipientTheRelayRefusesIsGivenUpWithoutHoldingUpTheOthers() {
    activities.refuseRecipient("collab-1");
    submit();

    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    assertThat(activities.emails()).containsExactly("SUBMISSION/1/collab-2");
    assertThat(activities.givenUp())
        .singleElement()
        .asString()
        .startsWith("SUBMISSION/1/collab-1: The relay refused the address: 550 5.1.1");
    // A permanent refusal is not retried: one attempt, then the record says FAILED.
    assertThat(activities.deliveryAttempts()).containsOnlyOnce("SUBMISSION/1/collab-1");
    assertThat(activities.roundsSent()).containsExactly(1);
  }

  /**
   * The bookkeeping steps run in the worker as local activities. A failing one is retried like any
   * activity, not the end of the submission (the SDK retries a local activity only within its
   * schedule-to-close timeout, which must therefore be set).
   */
  @Test
  void aBookkeepingStepThatFailsTwiceIsRetriedAndTheLifecycleGoesOn() {
    activities.failBookkeeping(2);
    submit();

    SubmissionSnapshot snapshot = awaitFirstReminderDue();

    assertThat(activities.callsTo("queueSubmissionEmails")).isEqualTo(1);
    assertThat(activities.emails())
        .containsExactlyInAnyOrder("SUBMISSION/1/collab-1", "SUBMISSION/1/collab-2");
    assertThat(activities.roundsSent()).containsExactly(1);
    assertThat(snapshot.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsExactly("SUBMITTED", "EMAIL_SENT");
    assertThat(workflow.decide(decision(Decision.APPROVE)).status())
        .isEqualTo(SubmissionStatus.APPROVED);
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
  }

  @Test
  void anActivityThatFailsTwiceAfterSendingStillSendsOneEmail() {
    activities.failEmailAttemptsAfterSending(2);
    submit();

    SubmissionSnapshot snapshot = awaitFirstReminderDue();

    // Temporal retried each delivery on its own, and its key held the email back.
    assertThat(activities.emailAttempts()).containsExactly(1, 2, 3);
    assertThat(activities.callsTo("queueSubmissionEmails")).isEqualTo(1);
    assertThat(activities.emails())
        .containsExactlyInAnyOrder("SUBMISSION/1/collab-1", "SUBMISSION/1/collab-2");
    assertThat(snapshot.runEmails())
        .extracting(SubmissionWorkflowTests::kind, EmailSend::round, EmailSend::recipients)
        .containsExactly(tuple("SUBMISSION", 1, 2));
    assertThat(snapshot.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsExactly("SUBMITTED", "EMAIL_SENT");
    assertThat(snapshot.nextReminderAt())
        .isEqualTo(timeOf(snapshot, "EMAIL_SENT").plus(Duration.ofDays(2)));

    // The workflow carried on past the retried step: the lifecycle goes on as usual.
    assertThat(activities.calls()).contains("handToAutomation SUBMISSION_SENT 1");
    assertThat(workflow.decide(decision(Decision.APPROVE)).status())
        .isEqualTo(SubmissionStatus.APPROVED);
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.callsTo("queueSubmissionEmails")).isEqualTo(1);
    assertThat(activities.emails())
        .filteredOn(email -> email.startsWith("SUBMISSION/"))
        .containsExactlyInAnyOrder("SUBMISSION/1/collab-1", "SUBMISSION/1/collab-2");
    Histories.record(testEnv, workflow, "activity-fails-twice");
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
    Histories.record(testEnv, workflow, "decisions-arriving-together");
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

  @Test
  void remindsOnEveryDeadlineThenAlertsTheRecruiterAndKeepsWaiting() {
    submit();
    SubmissionSnapshot sent = awaitFirstReminderDue();
    Instant emailedAt = timeOf(sent, "EMAIL_SENT");
    assertThat(sent.nextReminderAt()).isEqualTo(emailedAt.plus(Duration.ofDays(2)));
    assertThat(sent.remindersSent()).isZero();

    sleepUntil(emailedAt.plus(Duration.ofDays(2)).minusSeconds(60));
    assertThat(activities.callsTo("queueReminders")).isZero();

    sleepUntil(emailedAt.plus(Duration.ofDays(2)).plusSeconds(60));
    SubmissionSnapshot first = workflow.snapshot();
    assertThat(activities.calls()).contains("queueReminders round 1 step 1");
    assertThat(first.remindersSent()).isEqualTo(1);
    assertThat(first.nextReminderAt()).isEqualTo(emailedAt.plus(Duration.ofDays(5)));
    assertThat(first.recruiterAlerted()).isFalse();
    // Sent when the timer fired (plus the moment the activity took), not a minute later.
    assertThat(timeOf(first, "REMINDER_SENT"))
        .isBetween(
            emailedAt.plus(Duration.ofDays(2)), emailedAt.plus(Duration.ofDays(2)).plusSeconds(5));

    sleepUntil(emailedAt.plus(Duration.ofDays(5)).plusSeconds(60));
    SubmissionSnapshot last = workflow.snapshot();
    assertThat(activities.calls())
        .containsSubsequence(
            "queueReminders round 1 step 1",
            "queueReminders round 1 step 2",
            "queueNoResponseAlert round 1",
            "handToAutomation NO_RESPONSE 1");
    assertThat(last.remindersSent()).isEqualTo(2);
    assertThat(last.recruiterAlerted()).isTrue();
    assertThat(last.nextReminderAt()).isNull();
    assertThat(last.status()).isEqualTo(SubmissionStatus.AWAITING_FEEDBACK);
    assertThat(last.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsExactly(
            "SUBMITTED",
            "EMAIL_SENT",
            "REMINDER_SENT",
            "REMINDER_SENT",
            "RECRUITER_ALERTED_NO_RESPONSE");

    // Nothing more happens on its own, and the client can still decide.
    testEnv.sleep(Duration.ofDays(60));
    assertThat(activities.callsTo("queueReminders")).isEqualTo(2);
    assertThat(activities.callsTo("queueNoResponseAlert")).isEqualTo(1);
    assertThat(workflow.decide(decision(Decision.APPROVE)).status())
        .isEqualTo(SubmissionStatus.APPROVED);
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.emails())
        .containsExactlyInAnyOrder(
            "SUBMISSION/1/collab-1",
            "SUBMISSION/1/collab-2",
            "REMINDER/1/1/collab-1",
            "REMINDER/1/1/collab-2",
            "REMINDER/1/2/collab-1",
            "REMINDER/1/2/collab-2",
            "NO_RESPONSE/1",
            "RECRUITER_NOTIFICATION/APPROVE");
    Histories.record(testEnv, workflow, "reminders-then-alert-then-approve");
  }

  @Test
  void anAnswerAfterTheFirstReminderStopsTheRest() {
    submit();
    Instant emailedAt = timeOf(awaitFirstReminderDue(), "EMAIL_SENT");
    sleepUntil(emailedAt.plus(Duration.ofDays(2)).plusSeconds(60));
    assertThat(activities.callsTo("queueReminders")).isEqualTo(1);

    workflow.decide(decision(Decision.REJECT));

    assertThat(result()).isEqualTo(SubmissionStatus.REJECTED);
    testEnv.sleep(Duration.ofDays(10));
    assertThat(activities.callsTo("queueReminders")).isEqualTo(1);
    assertThat(activities.callsTo("queueNoResponseAlert")).isZero();
    SubmissionSnapshot snapshot = workflow.snapshot();
    assertThat(snapshot.remindersSent()).isEqualTo(1);
    assertThat(snapshot.nextReminderAt()).isNull();
    Histories.record(testEnv, workflow, "answer-after-first-reminder");
  }

  @Test
  void withdrawingWhileWaitingHidesTheCandidateAndStopsTheReminders() throws Exception {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);
    activities.holdAutomationOf(AutomationTrigger.WITHDRAWN);
    RecruiterAction riley = new RecruiterAction("rec-1", "Riley Recruiter");

    ActionReceipt withdrawn = workflow.withdraw(riley);

    assertThat(withdrawn).isEqualTo(new ActionReceipt(SubmissionStatus.WITHDRAWN, 1, true));
    assertThat(activities.automationStarted()).isTrue();
    assertThat(workflow.snapshot().nextReminderAt()).isNull();
    assertThat(workflow.withdraw(riley))
        .isEqualTo(new ActionReceipt(SubmissionStatus.WITHDRAWN, 1, false));
    SubmissionSnapshot withdrawing = workflow.snapshot();
    assertThat(withdrawing.status()).isEqualTo(SubmissionStatus.WITHDRAWN);
    assertThat(withdrawing.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .contains("WITHDRAWN");
    assertRefusedAsConflict(
        () -> workflow.decide(decision(Decision.APPROVE)),
        "The candidate was already withdrawn; that is final");
    assertThatThrownBy(() -> workflow.resend(new Resend("rec-1", "Riley", null, null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .hasMessageContaining("there is nothing to resend");
    activities.releaseAutomation();

    assertThat(result()).isEqualTo(SubmissionStatus.WITHDRAWN);
    testEnv.sleep(Duration.ofDays(10));
    assertThat(activities.callsTo("queueReminders")).isZero();
    assertThat(activities.calls())
        .containsSubsequence(
            "recordWithdrawal Riley Recruiter", "handToAutomation WITHDRAWN 1", "settle sub-1")
        .noneMatch(
            call ->
                call.startsWith("recordDecision") || call.startsWith("queueRecruiterNotification"));
    assertThat(activities.callsTo("recordWithdrawal")).isEqualTo(1);
    assertThat(workflow.snapshot().stage()).isEqualTo(PipelineStage.WITHDRAWN);
    Histories.record(testEnv, workflow, "withdraw-while-waiting");
  }

  @Test
  void aWithdrawalAfterTheClientsFinalDecisionIsRefused() throws Exception {
    decideAndHoldTheFollowUps(Decision.APPROVE);

    assertThatThrownBy(() -> workflow.withdraw(new RecruiterAction("rec-1", "Riley")))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .hasMessageContaining("already approved; that is final");
    assertThatThrownBy(() -> workflow.resend(new Resend("rec-1", "Riley", null, null)))
        .isInstanceOf(WorkflowUpdateException.class);

    activities.releaseRecruiterNotifications();
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls())
        .noneMatch(call -> call.startsWith("recordWithdrawal") || call.startsWith("prepareResend"));
  }

  @Test
  void aResendWithANewResumeSendsAgainAndStartsTheScheduleOver() {
    submit();
    Instant firstEmail = timeOf(awaitFirstReminderDue(), "EMAIL_SENT");
    // Between the first round's deadlines, so each round's deadlines fall on different days.
    sleepUntil(firstEmail.plus(Duration.ofDays(4)));
    assertThat(activities.calls()).contains("queueReminders round 1 step 1");

    ActionReceipt resent =
        workflow.resend(
            new Resend("rec-1", "Riley", List.of("resume-v2"), "Updated resume attached"));

    assertThat(resent).isEqualTo(new ActionReceipt(SubmissionStatus.AWAITING_FEEDBACK, 2, true));
    SubmissionSnapshot roundTwo =
        awaitSnapshot(
            "round 2 sent and its first reminder due",
            snapshot -> snapshot.runEmails().size() == 3 && snapshot.nextReminderAt() != null);
    assertThat(activities.calls())
        .containsSubsequence(
            "prepareResend sub-1 round 2 by Riley [resume-v2] Updated resume attached",
            "queueSubmissionEmails sub-1 round 2");
    Instant secondEmail = roundTwo.runEmails().get(roundTwo.runEmails().size() - 1).at();
    assertThat(roundTwo.round()).isEqualTo(2);
    assertThat(roundTwo.nextReminderAt()).isEqualTo(secondEmail.plus(Duration.ofDays(2)));

    // The old round's second deadline passes without a reminder: the schedule started over.
    sleepUntil(firstEmail.plus(Duration.ofDays(5)).plusSeconds(60));
    assertThat(activities.calls())
        .doesNotContain("queueReminders round 1 step 2", "queueReminders round 2 step 1");
    // The new round's first reminder is due two days after the new email, not before.
    sleepUntil(secondEmail.plus(Duration.ofDays(2)).minusSeconds(60));
    assertThat(activities.calls()).doesNotContain("queueReminders round 2 step 1");
    sleepUntil(secondEmail.plus(Duration.ofDays(2)).plusSeconds(60));
    SubmissionSnapshot remindedAgain = workflow.snapshot();
    assertThat(activities.calls()).contains("queueReminders round 2 step 1");
    assertThat(remindedAgain.remindersSent()).isEqualTo(2);
    assertThat(remindedAgain.recruiterAlerted()).isFalse();
    assertThat(remindedAgain.nextReminderAt()).isEqualTo(secondEmail.plus(Duration.ofDays(5)));
    sleepUntil(secondEmail.plus(Duration.ofDays(5)).plusSeconds(60));
    assertThat(activities.calls())
        .containsSubsequence(
            "queueReminders round 2 step 1",
            "queueReminders round 2 step 2",
            "queueNoResponseAlert round 2");
    SubmissionSnapshot alerted = workflow.snapshot();
    assertThat(alerted.remindersSent()).isEqualTo(3);
    assertThat(alerted.recruiterAlerted()).isTrue();
    assertThat(alerted.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsOnlyOnce("RESENT");

    workflow.decide(decision(Decision.APPROVE));
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.emails())
        .filteredOn(email -> email.startsWith("SUBMISSION/"))
        .containsExactlyInAnyOrder(
            "SUBMISSION/1/collab-1",
            "SUBMISSION/1/collab-2",
            "SUBMISSION/2/collab-1",
            "SUBMISSION/2/collab-2");
    Histories.record(testEnv, workflow, "resend-with-new-resume");
  }

  @Test
  void aCommentIsRecordedAndHandedOnAndDoesNotStopTheReminders() {
    submit();
    Instant emailedAt = timeOf(awaitFirstReminderDue(), "EMAIL_SENT");

    workflow.comment(new ClientComment("comment-1", "collab-1", "Casey Client"));

    awaitCall("handToAutomation COMMENTED comment-1");
    // The recruiter's email is the comment digest workflow's (CommentDigestWorkflowTests).
    assertThat(activities.calls()).noneMatch(call -> call.startsWith("notifyRecruiterOfComment"));
    assertThat(workflow.snapshot().status()).isEqualTo(SubmissionStatus.AWAITING_FEEDBACK);
    sleepUntil(emailedAt.plus(Duration.ofDays(2)).plusSeconds(60));
    assertThat(activities.calls()).contains("queueReminders round 1 step 1");

    workflow.decide(decision(Decision.APPROVE));
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(workflow.snapshot().runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsOnlyOnce("COMMENTED");
    Histories.record(testEnv, workflow, "comment-with-digest");
  }

  @Test
  void aConnectedDealFollowsTheDecisions() {
    activities.connectDeal("INTERVIEWING");
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    workflow.decide(decision(Decision.REQUEST_INTERVIEW));
    awaitCall("handToAutomation INTERVIEW_REQUESTED REQUEST_INTERVIEW");

    assertThat(activities.calls()).contains("updateDeal REQUEST_INTERVIEW");
    assertThat(workflow.snapshot().runTimeline())
        .extracting(SubmissionWorkflowTests::type, TimelineEntry::detail)
        .contains(tuple("DEAL_UPDATED", "INTERVIEWING"));
  }

  @Test
  void aResumedSubmissionSendsOnlyWhatItHadNotSentYet() {
    Instant now = Instant.ofEpochMilli(testEnv.currentTimeMillis());
    Instant emailedAt = now.minus(Duration.ofDays(3));
    start(resumed(new SubmissionProgress(1, emailedAt, 1, 1, false, null, null, List.of())));

    SubmissionSnapshot resumed = awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);
    assertThat(resumed.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsExactly("RESUMED");
    assertThat(resumed.remindersSent()).isEqualTo(1);
    assertThat(resumed.nextReminderAt()).isEqualTo(emailedAt.plus(Duration.ofDays(5)));
    assertThat(resumed.round()).isEqualTo(1);

    // Neither the email nor the first reminder goes out again; the second waits for its deadline.
    sleepUntil(emailedAt.plus(Duration.ofDays(5)).minusSeconds(60));
    assertThat(activities.calls()).isEmpty();

    sleepUntil(emailedAt.plus(Duration.ofDays(5)).plusSeconds(60));

    assertThat(activities.calls())
        .containsExactly(
            "queueReminders round 1 step 2",
            "queueNoResponseAlert round 1",
            "handToAutomation NO_RESPONSE 1");
    SubmissionSnapshot alerted = workflow.snapshot();
    assertThat(alerted.remindersSent()).isEqualTo(2);
    assertThat(alerted.recruiterAlerted()).isTrue();
    assertThat(alerted.nextReminderAt()).isNull();
    assertThat(timeOf(alerted, "REMINDER_SENT"))
        .isBetween(
            emailedAt.plus(Duration.ofDays(5)), emailedAt.plus(Duration.ofDays(5)).plusSeconds(5));
    workflow.decide(decision(Decision.APPROVE));
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    Histories.record(testEnv, workflow, "resumed-after-restart");
  }

  @Test
  void afterLongDowntimeAResumedSubmissionRemindsOnceNotInABurst() {
    Instant now = Instant.ofEpochMilli(testEnv.currentTimeMillis());
    start(
        resumed(
            new SubmissionProgress(
                1, now.minus(Duration.ofDays(10)), 0, 0, false, null, null, null)));

    awaitCall("handToAutomation NO_RESPONSE 1");

    assertThat(activities.calls())
        .containsExactly(
            "queueReminders round 1 step 2",
            "queueNoResponseAlert round 1",
            "handToAutomation NO_RESPONSE 1");
    SubmissionSnapshot alerted = workflow.snapshot();
    assertThat(alerted.recruiterAlerted()).isTrue();
    assertThat(alerted.remindersSent()).isEqualTo(1);
    assertThat(alerted.nextReminderAt()).isNull();
    assertThat(alerted.status()).isEqualTo(SubmissionStatus.AWAITING_FEEDBACK);
    assertThat(alerted.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsExactly("RESUMED", "REMINDER_SENT", "RECRUITER_ALERTED_NO_RESPONSE");
    // Nothing more is due: the client can still answer.
    testEnv.sleep(Duration.ofDays(30));
    assertThat(activities.callsTo("queueReminders")).isEqualTo(1);
    workflow.decide(decision(Decision.REJECT));
    assertThat(result()).isEqualTo(SubmissionStatus.REJECTED);
    Histories.record(testEnv, workflow, "resumed-after-long-downtime");
  }

  @Test
  void aResumedFinalDecisionIsFollowedUpButNotTakenAgain() {
    Instant now = Instant.ofEpochMilli(testEnv.currentTimeMillis());
    start(
        resumed(
            new SubmissionProgress(
                1,
                now.minus(Duration.ofHours(1)),
                0,
                0,
                false,
                decision(Decision.APPROVE),
                null,
                List.of("comment-9"))));

    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);

    assertThat(activities.calls())
        .containsExactly(
            "queueRecruiterNotification APPROVE",
            "movePipelineStage APPROVE",
            "logJobActivity APPROVE",
            "updateDeal APPROVE",
            "handToAutomation APPROVED APPROVE",
            "handToAutomation COMMENTED comment-9",
            "settle sub-1");
    SubmissionSnapshot settled = workflow.snapshot();
    assertThat(settled.decision()).isEqualTo(Decision.APPROVE);
    assertThat(settled.stage()).isEqualTo(PipelineStage.CLIENT_APPROVED);
    assertThat(settled.runTimeline())
        .extracting(SubmissionWorkflowTests::type)
        .containsExactly("RESUMED", "RECRUITER_NOTIFIED", "PIPELINE_UPDATED", "COMMENTED")
        .doesNotContain("APPROVED", "EMAIL_SENT");
    Histories.record(testEnv, workflow, "resumed-with-final-decision-and-digest");
  }

  @Test
  void aResumedInterviewRequestStaysOpenUntilTheFinalDecision() {
    Instant now = Instant.ofEpochMilli(testEnv.currentTimeMillis());
    start(
        resumed(
            new SubmissionProgress(
                1,
                now.minus(Duration.ofDays(1)),
                0,
                0,
                false,
                decision(Decision.REQUEST_INTERVIEW),
                null,
                List.of())));
    awaitCall("handToAutomation INTERVIEW_REQUESTED REQUEST_INTERVIEW");
    testEnv.sleep(Duration.ofDays(30));
    assertThat(workflow.snapshot().status()).isEqualTo(SubmissionStatus.INTERVIEW_REQUESTED);
    assertThat(activities.callsTo("queueReminders")).isZero();

    assertThat(workflow.decide(decision(Decision.REQUEST_INTERVIEW)).changed()).isFalse();
    assertThat(workflow.decide(decision(Decision.APPROVE)).status())
        .isEqualTo(SubmissionStatus.APPROVED);

    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls())
        .filteredOn(call -> call.startsWith("recordDecision"))
        .containsExactly("recordDecision APPROVE");
    assertThat(activities.calls())
        .filteredOn(call -> call.startsWith("queueRecruiterNotification "))
        .containsExactly(
            "queueRecruiterNotification REQUEST_INTERVIEW", "queueRecruiterNotification APPROVE");
    assertThat(activities.callsTo("queueSubmissionEmails")).isZero();
    Histories.record(testEnv, workflow, "resumed-interview-then-approve");
  }

  @Test
  void theStatusSearchAttributeFollowsTheStatus() {
    start(new SubmissionRequest(SUBMISSION_ID, "ws-1", "job-1", "cand-1", SCHEDULE, null, true));
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);
    assertThat(indexedStatus()).isEqualTo("AWAITING_FEEDBACK");

    workflow.decide(decision(Decision.REQUEST_INTERVIEW));

    assertThat(indexedStatus()).isEqualTo("INTERVIEW_REQUESTED");
    assertThat(indexedStatus()).isEqualTo(workflow.snapshot().status().name());

    workflow.decide(decision(Decision.APPROVE));

    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(indexedStatus()).isEqualTo("APPROVED");
    Histories.record(testEnv, workflow, "status-search-attribute");
  }

  @Test
  void aWithdrawalKeepsTheStatusSearchAttributeInStep() {
    start(new SubmissionRequest(SUBMISSION_ID, "ws-1", "job-1", "cand-1", SCHEDULE, null, true));
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    workflow.withdraw(new RecruiterAction("rec-1", "Riley Recruiter"));

    assertThat(result()).isEqualTo(SubmissionStatus.WITHDRAWN);
    assertThat(indexedStatus()).isEqualTo("WITHDRAWN");
  }

  @Test
  void withoutIndexingTheWorkflowSetsNoStatusSearchAttribute() {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    // The app passes indexStatus=false when the cluster lacks the attribute: nothing is upserted.
    assertThat(indexedStatus()).isNull();
  }

  @Test
  void aResendAfterTheFinalDecisionIsRefused() throws InterruptedException {
    decideAndHoldTheFollowUps(Decision.REJECT);

    assertRefusedAsConflict(
        () -> workflow.resend(new Resend("rec-1", "Riley", List.of("resume-v2"), "Again")),
        "The candidate was already rejected; there is nothing to resend");

    activities.releaseRecruiterNotifications();
    assertThat(result()).isEqualTo(SubmissionStatus.REJECTED);
    assertThat(activities.calls()).noneMatch(call -> call.startsWith("prepareResend"));
    assertThat(activities.callsTo("queueSubmissionEmails")).isEqualTo(1);
    assertThat(workflow.snapshot().round()).isEqualTo(1);
  }

  @Test
  void aWithdrawalAfterAnInterviewRequestClosesTheLifecycle() {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);
    workflow.decide(decision(Decision.REQUEST_INTERVIEW));
    awaitCall("handToAutomation INTERVIEW_REQUESTED REQUEST_INTERVIEW");

    ActionReceipt withdrawn = workflow.withdraw(new RecruiterAction("rec-1", "Riley Recruiter"));

    assertThat(withdrawn).isEqualTo(new ActionReceipt(SubmissionStatus.WITHDRAWN, 1, true));
    assertThat(result()).isEqualTo(SubmissionStatus.WITHDRAWN);
    assertThat(activities.calls())
        .containsSubsequence(
            "handToAutomation INTERVIEW_REQUESTED REQUEST_INTERVIEW",
            "recordWithdrawal Riley Recruiter",
            "handToAutomation WITHDRAWN 1",
            "settle sub-1");
    SubmissionSnapshot snapshot = workflow.snapshot();
    assertThat(snapshot.status()).isEqualTo(SubmissionStatus.WITHDRAWN);
    assertThat(snapshot.stage()).isEqualTo(PipelineStage.WITHDRAWN);
  }

  @Test
  void anEmptyReminderScheduleNeverReminds() {
    start(new SubmissionRequest(SUBMISSION_ID, "ws-1", "job-1", "cand-1", List.of()));
    SubmissionSnapshot sent = awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);
    assertThat(sent.nextReminderAt()).isNull();

    testEnv.sleep(Duration.ofDays(60));

    assertThat(activities.callsTo("queueReminders")).isZero();
    assertThat(activities.callsTo("queueNoResponseAlert")).isZero();
    SubmissionSnapshot waiting = workflow.snapshot();
    assertThat(waiting.status()).isEqualTo(SubmissionStatus.AWAITING_FEEDBACK);
    assertThat(waiting.recruiterAlerted()).isFalse();
    assertThat(workflow.decide(decision(Decision.APPROVE)).changed()).isTrue();
    assertThat(result()).isEqualTo(SubmissionStatus.APPROVED);
  }

  /**
   * A restart between the last reminder (recorded on the submission by {@code sendReminders}) and
   * the recruiter's alert: the database then holds the last reminder step with no alert, and the
   * resumed workflow still owes the recruiter that alert.
   */
  @Test
  void aResumeAfterTheLastReminderButBeforeTheAlertStillAlertsTheRecruiter() {
    Instant now = Instant.ofEpochMilli(testEnv.currentTimeMillis());
    Instant emailedAt = now.minus(Duration.ofDays(6));
    start(resumed(new SubmissionProgress(1, emailedAt, 2, 2, false, null, null, List.of())));
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);

    testEnv.sleep(Duration.ofDays(1));

    assertThat(activities.calls())
        .as("the resumed workflow alerts the recruiter it had not alerted yet")
        .containsExactly("queueNoResponseAlert round 1", "handToAutomation NO_RESPONSE 1");
    SubmissionSnapshot snapshot = workflow.snapshot();
    assertThat(snapshot.recruiterAlerted()).isTrue();
    assertThat(snapshot.remindersSent()).isEqualTo(2);
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
    start(new SubmissionRequest(SUBMISSION_ID, "ws-1", "job-1", "cand-1", SCHEDULE));
  }

  private void start(SubmissionRequest request) {
    WorkflowClient.start(workflow::run, request);
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

  /**
   * Waits until the email went out and the workflow waits for the first reminder's deadline: past
   * the status change, its hand-over to automation has run too.
   */
  private SubmissionSnapshot awaitFirstReminderDue() {
    return awaitSnapshot(
        "awaiting feedback with a reminder due",
        snapshot ->
            snapshot.status() == SubmissionStatus.AWAITING_FEEDBACK
                && snapshot.nextReminderAt() != null);
  }

  /** Waits on the test clock, a second at a time, until the workflow's query satisfies the test. */
  private SubmissionSnapshot awaitSnapshot(String what, Predicate<SubmissionSnapshot> expected) {
    SubmissionSnapshot snapshot = workflow.snapshot();
    for (int round = 0; round < 100 && !expected.test(snapshot); round++) {
      testEnv.sleep(Duration.ofSeconds(1));
      snapshot = workflow.snapshot();
    }
    assertThat(expected.test(snapshot)).as("%s: %s", what, snapshot).isTrue();
    return snapshot;
  }

  private static SubmissionRequest resumed(SubmissionProgress progress) {
    return new SubmissionRequest(
        SUBMISSION_ID, "ws-1", "job-1", "cand-1", SCHEDULE, progress, false);
  }

  private String indexedStatus() {
    return WorkflowStub.fromTyped(workflow)
        .describe()
        .getTypedSearchAttributes()
        .get(SearchAttributeKey.forKeyword(SubmissionWorkflow.STATUS_SEARCH_ATTRIBUTE));
  }

  private static Instant timeOf(SubmissionSnapshot snapshot, String type) {
    return snapshot.runTimeline().stream()
        .filter(entry -> entry.type().name().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + type + " in " + snapshot.runTimeline()))
        .at();
  }

  /** The entry's type as the API and the database spell it. */
  private static String type(TimelineEntry entry) {
    return entry.type().name();
  }

  private static String kind(EmailSend batch) {
    return batch.kind().name();
  }

  /** Moves the test clock to the instant; the worker has run everything due by then. */
  private void sleepUntil(Instant instant) {
    long millis = instant.toEpochMilli() - testEnv.currentTimeMillis();
    if (millis > 0) {
      testEnv.sleep(Duration.ofMillis(millis));
    }
  }

  /** Waits on the test clock until the fake has seen the call. */
  private SubmissionSnapshot awaitCall(String call) {
    for (int round = 0; round < 100 && !activities.calls().contains(call); round++) {
      testEnv.sleep(Duration.ofSeconds(1));
    }
    assertThat(activities.calls()).contains(call);
    return workflow.snapshot();
  }

  /**
   * Takes a final decision and holds its follow-ups, so the workflow stays open and its validators
   * are what answer the next Update.
   */
  private void decideAndHoldTheFollowUps(Decision decision) throws InterruptedException {
    submit();
    awaitStatus(SubmissionStatus.AWAITING_FEEDBACK);
    activities.holdRecruiterNotifications();
    workflow.decide(decision(decision));
    assertThat(activities.recruiterNotificationStarted()).isTrue();
  }

  /** The Update failed with exactly the failure the app turns into a 409. */
  private static void assertRefusedAsConflict(ThrowingCallable update, String message) {
    assertThatThrownBy(update)
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(SubmissionConflict.TYPE);
              assertThat(failure.getOriginalMessage()).isEqualTo(message);
            });
  }

  private SubmissionStatus result() {
    return WorkflowStub.fromTyped(workflow).getResult(SubmissionStatus.class);
  }

  private static ClientDecision decision(Decision decision) {
    return new ClientDecision("collab-1", "Casey Client", decision, "Strong systems work", null);
  }
}
