package com.hirepilot.workflows.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays recorded histories of every lifecycle path against the current workflow code. A change
 * that would make a running workflow take a different step fails here, before it reaches a cluster
 * where such workflows are waiting; it must go through {@code Workflow.getVersion} instead.
 *
 * <p>Every {@code .json} file in {@code src/test/resources/histories/} is replayed, so a newly
 * recorded path is covered without touching this class.
 */
class SubmissionWorkflowReplayTests {

  private static final String PRE_VERSIONING = "pre-versioning-approve.json";

  static Stream<File> histories() throws Exception {
    Path folder = Path.of(SubmissionWorkflowReplayTests.class.getResource("/histories").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      List<File> found =
          files.filter(p -> p.toString().endsWith(".json")).sorted().map(Path::toFile).toList();
      return found.stream();
    }
  }

  @Test
  void everyLifecyclePathHasARecordedHistory() throws Exception {
    assertThat(histories()).as("recorded histories").isNotEmpty();
    assertThat(histories().map(File::getName))
        .contains(
            "approve.json",
            "reminders-then-alert-then-approve.json",
            "answer-after-first-reminder.json",
            "interview-then-approve.json",
            "withdraw-while-waiting.json",
            "resend-with-new-resume.json",
            "conflicting-decision.json",
            "repeated-decision.json",
            "decisions-arriving-together.json",
            "activity-fails-twice.json",
            "comment.json",
            "resumed-after-restart.json",
            "resumed-with-final-decision.json",
            "resumed-interview-then-approve.json",
            "resumed-after-long-downtime.json",
            "status-search-attribute.json",
            "automation-broken-reject.json",
            PRE_VERSIONING);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void theCurrentCodeReplaysTheRecordedHistory(File history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history, SubmissionWorkflowImpl.class);
  }

  /**
   * The history recorded from the code before the {@code full-lifecycle} version (commit d0f3537)
   * has no version marker and none of the newer steps, yet the current code replays it: for such a
   * workflow {@code Workflow.getVersion} answers {@code DEFAULT_VERSION} and the new steps are
   * skipped.
   */
  @Test
  void aHistoryFromBeforeTheLifecycleVersionReplaysWithoutTheNewerSteps() throws Exception {
    WorkflowExecutionHistory before = history(PRE_VERSIONING);
    WorkflowExecutionHistory after = history("approve.json");

    assertThat(versionMarkers(before)).isEmpty();
    assertThat(activityTypes(before))
        .containsExactly(
            "SendSubmissionEmails",
            "RecordDecision",
            "NotifyRecruiter",
            "MovePipelineStage",
            "LogJobActivity");
    assertThat(versionMarkers(after))
        .containsExactly(
            SubmissionWorkflowImpl.LIFECYCLE_CHANGE + "=" + SubmissionWorkflowImpl.FULL_LIFECYCLE);
    assertThat(activityTypes(after)).contains("UpdateDeal", "HandToAutomation", "Settle");

    WorkflowReplayer.replayWorkflowExecution(before, SubmissionWorkflowImpl.class);
  }

  /**
   * Proof that the version guard is what lets the old history replay: the same code, with {@code
   * Workflow.getVersion} answering the newest version as if the guard were not there, takes the
   * newer steps and fails on the history from before them.
   */
  @Test
  void withoutTheVersionGuardTheHistoryFromBeforeFailsToReplay() throws Exception {
    TestWorkflowEnvironment unguarded =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new AlwaysNewestVersion())
                        .validateAndBuildWithDefaults())
                .build());
    WorkflowExecutionHistory before = history(PRE_VERSIONING);
    try {
      assertThatThrownBy(
              () ->
                  WorkflowReplayer.replayWorkflowExecution(
                      before, unguarded, SubmissionWorkflowImpl.class))
          .satisfies(SubmissionWorkflowReplayTests::isNonDeterminism);
    } finally {
      unguarded.close();
    }
  }

  /** Proof that the replay above can fail: one extra step at the start breaks every history. */
  @Test
  void aChangedWorkflowThatIsNotVersionedFailsToReplay() throws URISyntaxException {
    File history =
        new File(
            SubmissionWorkflowReplayTests.class.getResource("/histories/approve.json").toURI());
    assertThatThrownBy(
            () -> WorkflowReplayer.replayWorkflowExecution(history, WaitsBeforeSending.class))
        .satisfies(SubmissionWorkflowReplayTests::isNonDeterminism);
  }

  /** The replayer reports non-determinism either as the exception itself or wrapped, by name. */
  private static void isNonDeterminism(Throwable thrown) {
    boolean found = false;
    for (Throwable t = thrown; t != null && !found; t = t.getCause()) {
      found =
          t instanceof NonDeterministicException
              || String.valueOf(t.getMessage()).contains("NonDeterministicException");
    }
    assertThat(found).as("non-determinism reported by %s", thrown).isTrue();
  }

  private static WorkflowExecutionHistory history(String name) throws Exception {
    Path file =
        Path.of(SubmissionWorkflowReplayTests.class.getResource("/histories/" + name).toURI());
    return WorkflowExecutionHistory.fromJson(Files.readString(file));
  }

  /** Each version marker as {@code changeId=version}. */
  private static List<String> versionMarkers(WorkflowExecutionHistory history) {
    return history.getEvents().stream()
        .filter(HistoryEvent::hasMarkerRecordedEventAttributes)
        .map(HistoryEvent::getMarkerRecordedEventAttributes)
        .filter(marker -> marker.getMarkerName().equals("Version"))
        .map(
            marker ->
                DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                        marker.getDetailsOrThrow("changeId").getPayloads(0),
                        String.class,
                        String.class)
                    + "="
                    + DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                        marker.getDetailsOrThrow("version").getPayloads(0),
                        Integer.class,
                        Integer.class))
        .toList();
  }

  private static List<String> activityTypes(WorkflowExecutionHistory history) {
    return history.getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(event -> event.getActivityTaskScheduledEventAttributes().getActivityType().getName())
        .toList();
  }

  /** The lifecycle with an unversioned extra timer before the first email. */
  public static class WaitsBeforeSending extends SubmissionWorkflowImpl {
    @Override
    public SubmissionStatus run(SubmissionRequest request) {
      Workflow.sleep(Duration.ofMinutes(1));
      return super.run(request);
    }
  }

  /** Answers every {@code Workflow.getVersion} with its newest version and records no marker. */
  private static final class AlwaysNewestVersion extends WorkerInterceptorBase {
    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
      return new WorkflowInboundCallsInterceptorBase(next) {
        @Override
        public void init(WorkflowOutboundCallsInterceptor outbound) {
          super.init(
              new WorkflowOutboundCallsInterceptorBase(outbound) {
                @Override
                public int getVersion(String changeId, int minSupported, int maxSupported) {
                  return maxSupported;
                }
              });
        }
      };
    }
  }
}
