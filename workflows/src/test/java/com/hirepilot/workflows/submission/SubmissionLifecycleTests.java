package com.hirepilot.workflows.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The submission lifecycle on Temporal's test server, with recording fake activities. */
class SubmissionLifecycleTests {

  /** Records what the workflow asked of the outside world. */
  static class RecordingActivities implements SubmissionActivities {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger sendAttempts = new AtomicInteger();
    volatile int failFirstSends;

    @Override
    public int sendSubmissionEmails(String submissionId, int round) {
      if (sendAttempts.incrementAndGet() <= failFirstSends) {
        throw new IllegalStateException("SMTP relay unreachable");
      }
      calls.add("send:" + round);
      return 2;
    }

    @Override
    public void recordDecision(String submissionId, ClientDecision decision) {
      calls.add("record:" + decision.decision());
    }

    @Override
    public void notifyRecruiter(String submissionId, ClientDecision decision) {
      calls.add("notify:" + decision.decision());
    }

    @Override
    public String movePipelineStage(String submissionId, Decision decision) {
      calls.add("stage:" + decision);
      return "STAGE_" + decision;
    }

    @Override
    public void logJobActivity(String submissionId, ClientDecision decision) {
      calls.add("activity:" + decision.decision());
    }
  }

  static final RecordingActivities activities = new RecordingActivities();

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(SubmissionWorkflowImpl.class)
          .setActivityImplementations(activities)
          .build();

  static SubmissionWorkflow start(WorkflowClient client, Worker worker, String id) {
    return start(client, worker, id, 0);
  }

  static SubmissionWorkflow start(
      WorkflowClient client, Worker worker, String id, int failingSends) {
    activities.calls.clear();
    activities.sendAttempts.set(0);
    activities.failFirstSends = failingSends;
    SubmissionWorkflow workflow =
        client.newWorkflowStub(
            SubmissionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(SubmissionWorkflow.workflowId(id))
                .setTaskQueue(worker.getTaskQueue())
                .build());
    WorkflowClient.start(workflow::run, new SubmissionRequest(id, "ws", "job", "cand"));
    return workflow;
  }

  static void awaitFeedbackState(TestWorkflowEnvironment env, SubmissionWorkflow workflow) {
    for (int i = 0; i < 100; i++) {
      if (workflow.snapshot().status() == SubmissionStatus.AWAITING_FEEDBACK) {
        return;
      }
      env.sleep(Duration.ofMillis(100));
    }
    throw new AssertionError("never reached AWAITING_FEEDBACK: " + workflow.snapshot());
  }

  static ClientDecision decision(Decision decision) {
    return new ClientDecision("collab-1", "Casey", decision, "note", null);
  }

  @Test
  void emailsTheSubmissionThenAwaitsFeedback(
      TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
    SubmissionWorkflow workflow = start(client, worker, "s1");
    awaitFeedbackState(env, workflow);
    SubmissionSnapshot snapshot = workflow.snapshot();
    assertThat(snapshot.decision()).isNull();
    assertThat(snapshot.timeline())
        .extracting(TimelineEntry::type)
        .containsExactly("SUBMITTED", "EMAIL_SENT");
    assertThat(activities.calls).containsExactly("send:1");
  }

  @Test
  void anApprovalIsRecordedThenFollowedUpInOrder(
      TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
    SubmissionWorkflow workflow = start(client, worker, "s2");
    awaitFeedbackState(env, workflow);
    DecisionReceipt receipt = workflow.decide(decision(Decision.APPROVE));
    assertThat(receipt).isEqualTo(new DecisionReceipt(SubmissionStatus.APPROVED, true));
    SubmissionStatus result = WorkflowStub.fromTyped(workflow).getResult(SubmissionStatus.class);
    assertThat(result).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(activities.calls)
        .containsExactly(
            "send:1", "record:APPROVE", "notify:APPROVE", "stage:APPROVE", "activity:APPROVE");
  }

  @Test
  void theSameDecisionTwiceChangesNothingAndAConflictingOneIsRefused(
      TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
    SubmissionWorkflow workflow = start(client, worker, "s3");
    awaitFeedbackState(env, workflow);
    workflow.decide(decision(Decision.REQUEST_INTERVIEW));
    DecisionReceipt again = workflow.decide(decision(Decision.REQUEST_INTERVIEW));
    assertThat(again).isEqualTo(new DecisionReceipt(SubmissionStatus.INTERVIEW_REQUESTED, false));
    assertThat(workflow.snapshot().status()).isEqualTo(SubmissionStatus.INTERVIEW_REQUESTED);

    // An interview request is not final: the client can still decide.
    assertThat(workflow.decide(decision(Decision.REJECT)).status())
        .isEqualTo(SubmissionStatus.REJECTED);
    assertThat(WorkflowStub.fromTyped(workflow).getResult(SubmissionStatus.class))
        .isEqualTo(SubmissionStatus.REJECTED);
    assertThat(activities.calls.stream().filter(c -> c.startsWith("record:")))
        .containsExactly("record:REQUEST_INTERVIEW", "record:REJECT");
    assertThat(activities.calls.stream().filter(c -> c.startsWith("notify:")))
        .containsExactly("notify:REQUEST_INTERVIEW", "notify:REJECT");
  }

  @Test
  void noDecisionIsTakenAfterAFinalOne(
      TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
    SubmissionWorkflow workflow = start(client, worker, "s4");
    awaitFeedbackState(env, workflow);
    workflow.decide(decision(Decision.APPROVE));
    WorkflowStub.fromTyped(workflow).getResult(SubmissionStatus.class);
    assertThatThrownBy(() -> workflow.decide(decision(Decision.REJECT)))
        .isInstanceOf(RuntimeException.class);
    assertThat(activities.calls).doesNotContain("record:REJECT");
  }

  @Test
  void aMissingDecisionIsRejectedByTheValidator(
      TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
    SubmissionWorkflow workflow = start(client, worker, "s5");
    awaitFeedbackState(env, workflow);
    assertThatThrownBy(() -> workflow.decide(new ClientDecision("c", "Casey", null, null, null)))
        .isInstanceOf(WorkflowUpdateException.class);
    assertThat(workflow.snapshot().status()).isEqualTo(SubmissionStatus.AWAITING_FEEDBACK);
    assertThat(activities.calls).containsExactly("send:1");
  }

  @Test
  void anEmailActivityThatFailsTwiceIsRetriedUntilItSucceeds(
      TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
    SubmissionWorkflow workflow = start(client, worker, "s6", 2);
    awaitFeedbackState(env, workflow);
    assertThat(activities.sendAttempts.get()).isEqualTo(3);
    assertThat(activities.calls).containsExactly("send:1");
  }
}
