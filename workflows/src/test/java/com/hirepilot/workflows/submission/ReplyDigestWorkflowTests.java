package com.hirepilot.workflows.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.workflows.email.EmailDeliveryActivities;
import com.hirepilot.workflows.email.QueuedEmails;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's emails about the recruiter's replies: the first at once, a burst as one digest, each
 * collaborator's email its own delivery activity.
 */
@org.junit.jupiter.api.Timeout(60)
class ReplyDigestWorkflowTests {

  private static final Duration WINDOW = Duration.ofMinutes(10);

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(ReplyDigestWorkflowImpl.class)
          .setUseTimeskipping(true)
          .setDoNotStart(true)
          .build();

  /** Stands in for the app: replies on record, two collaborators on the job. */
  static final class FakeActivities implements ReplyDigestActivities, EmailDeliveryActivities {
    final AtomicInteger waiting = new AtomicInteger();
    final List<Integer> digests = new CopyOnWriteArrayList<>();
    final List<String> delivered = new CopyOnWriteArrayList<>();

    @Override
    public QueuedEmails queueReplyDigest(String submissionId, String batch) {
      int replies = waiting.getAndSet(0);
      if (replies == 0) {
        return new QueuedEmails(List.of(), Duration.ofHours(24));
      }
      digests.add(replies);
      return new QueuedEmails(
          List.of(batch + "/collab-1", batch + "/collab-2"), Duration.ofHours(24));
    }

    @Override
    public void deliver(String deliveryId) {
      delivered.add(deliveryId);
    }

    @Override
    public void giveUp(String deliveryId, String reason) {}
  }

  private final FakeActivities activities = new FakeActivities();
  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;
  private String taskQueue;

  @BeforeEach
  void start(TestWorkflowEnvironment testEnv, Worker worker, WorkflowOptions options) {
    this.testEnv = testEnv;
    this.client = testEnv.getWorkflowClient();
    this.taskQueue = options.getTaskQueue();
    worker.registerActivitiesImplementations(activities);
    testEnv.start();
  }

  private void reply() {
    activities.waiting.incrementAndGet();
    ReplyDigestWorkflow workflow =
        client.newWorkflowStub(
            ReplyDigestWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ReplyDigestWorkflow.workflowId("sub-1"))
                .setTaskQueue(taskQueue)
                .build());
    var request = client.newSignalWithStartRequest();
    request.add(workflow::run, "sub-1", WINDOW);
    request.add(workflow::replied);
    client.signalWithStart(request);
  }

  private int result() {
    return client
        .newUntypedWorkflowStub(ReplyDigestWorkflow.workflowId("sub-1"))
        .getResult(Integer.class);
  }

  @Test
  void aBurstOfRepliesIsTheFirstReplyThenOneDigestEachToEveryCollaborator() {
    reply();
    testEnv.sleep(Duration.ofSeconds(5));
    assertThat(activities.digests).containsExactly(1);
    assertThat(activities.delivered).hasSize(2);

    IntStream.range(0, 5).forEach(i -> reply());
    testEnv.sleep(Duration.ofMinutes(1));
    assertThat(activities.digests).as("nothing more inside the window").containsExactly(1);

    assertThat(result()).isEqualTo(2);
    assertThat(activities.digests).containsExactly(1, 5);
    assertThat(activities.delivered)
        .hasSize(4)
        .doesNotHaveDuplicates()
        .filteredOn(id -> id.endsWith("/collab-2"))
        .hasSize(2);
    Histories.record(testEnv, ReplyDigestWorkflow.workflowId("sub-1"), "reply-digest/burst");
  }

  @Test
  void theRecordedHistoryReplays() throws Exception {
    File history =
        Path.of("src/test/resources/histories/reply-digest", "burst--per-recipient-email.json")
            .toFile();
    assertThat(history).exists();
    WorkflowReplayer.replayWorkflowExecution(history, ReplyDigestWorkflowImpl.class);
  }
}
