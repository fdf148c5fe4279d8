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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The comment digest on the time-skipping test server: the first comment goes out at once, a burst
 * after it goes out as one email when the window ends, and a quiet window closes the workflow.
 */
@Timeout(60)
class CommentDigestWorkflowTests {

  private static final Duration WINDOW = Duration.ofMinutes(10);

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(CommentDigestWorkflowImpl.class)
          .setUseTimeskipping(true)
          .setDoNotStart(true)
          .build();

  /** Stands in for the app: counts the comments on record not yet passed on. */
  static final class FakeActivities implements CommentDigestActivities, EmailDeliveryActivities {
    final AtomicInteger waiting = new AtomicInteger();
    final List<Integer> emails = new CopyOnWriteArrayList<>();
    final List<String> batches = new CopyOnWriteArrayList<>();

    @Override
    public int passOnComments(String submissionId, String batch) {
      batches.add(batch);
      int passed = waiting.getAndSet(0);
      if (passed > 0) {
        emails.add(passed);
      }
      return passed;
    }

    final List<String> delivered = new CopyOnWriteArrayList<>();

    @Override
    public QueuedEmails queueCommentDigest(String submissionId, String batch) {
      int passed = passOnComments(submissionId, batch);
      return new QueuedEmails(
          passed > 0 ? List.of("digest-" + batch) : List.of(), java.time.Duration.ofHours(24));
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

  private CommentDigestWorkflow stub() {
    return client.newWorkflowStub(
        CommentDigestWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(CommentDigestWorkflow.workflowId("sub-1"))
            .setTaskQueue(taskQueue)
            .build());
  }

  /** What the app does on every comment: it is on record, then the workflow hears of it. */
  private void comment() {
    activities.waiting.incrementAndGet();
    CommentDigestWorkflow workflow = stub();
    var batch = client.newSignalWithStartRequest();
    batch.add(workflow::run, "sub-1", WINDOW);
    batch.add(workflow::commented);
    client.signalWithStart(batch);
  }

  private int result() {
    return client
        .newUntypedWorkflowStub(CommentDigestWorkflow.workflowId("sub-1"))
        .getResult(Integer.class);
  }

  @Test
  void aBurstOfCommentsIsTheFirstCommentThenOneDigest() {
    comment();
    testEnv.sleep(Duration.ofSeconds(5));
    assertThat(activities.emails).containsExactly(1);

    for (int i = 0; i < 99; i++) {
      comment();
    }
    testEnv.sleep(Duration.ofMinutes(1));
    assertThat(activities.emails).as("nothing more inside the window").containsExactly(1);

    assertThat(result()).isEqualTo(2);
    assertThat(activities.emails).containsExactly(1, 99);
    assertThat(activities.batches).doesNotHaveDuplicates();
    Histories.record(testEnv, CommentDigestWorkflow.workflowId("sub-1"), "comment-digest/burst");
  }

  @Test
  void aCommentAfterAQuietWindowStartsAFreshDigestWithItsOwnPromptEmail() {
    comment();
    assertThat(result()).as("one prompt email, then a quiet window").isEqualTo(1);

    comment();
    assertThat(result()).isEqualTo(1);
    assertThat(activities.emails).containsExactly(1, 1);
  }

  @Test
  void commentsInConsecutiveWindowsGiveOneDigestPerWindow() {
    comment();
    testEnv.sleep(Duration.ofMinutes(5));
    comment();
    comment();
    testEnv.sleep(Duration.ofMinutes(10));
    comment();

    assertThat(result()).isEqualTo(3);
    assertThat(activities.emails).containsExactly(1, 2, 1);
  }

  @Test
  void theRecordedHistoriesOfBothShapesReplay() throws Exception {
    for (String name : List.of("burst.json", "burst--per-recipient-email.json")) {
      File history = Path.of("src/test/resources/histories/comment-digest", name).toFile();
      assertThat(history).exists();
      WorkflowReplayer.replayWorkflowExecution(history, CommentDigestWorkflowImpl.class);
    }
  }
}
