package com.hirepilot.workflows.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
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
 */
class SubmissionWorkflowReplayTests {

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
    assertThat(histories().map(File::getName))
        .contains(
            "approve.json",
            "reminders-then-alert-then-approve.json",
            "answer-after-first-reminder.json",
            "interview-then-approve.json",
            "withdraw-while-waiting.json",
            "resend-with-new-resume.json",
            "conflicting-decision.json",
            "activity-fails-twice.json",
            "comment.json",
            "resumed-after-restart.json",
            "pre-versioning-approve.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void theCurrentCodeReplaysTheRecordedHistory(File history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history, SubmissionWorkflowImpl.class);
  }

  /** Proof that the replay above can fail: one extra step at the start breaks every history. */
  @Test
  void aChangedWorkflowThatIsNotVersionedFailsToReplay() throws URISyntaxException {
    File history =
        new File(
            SubmissionWorkflowReplayTests.class.getResource("/histories/approve.json").toURI());
    assertThatThrownBy(
            () -> WorkflowReplayer.replayWorkflowExecution(history, WaitsBeforeSending.class))
        .hasMessageContaining("NonDeterministicException");
  }

  /** The lifecycle with an unversioned extra timer before the first email. */
  public static class WaitsBeforeSending extends SubmissionWorkflowImpl {
    @Override
    public SubmissionStatus run(SubmissionRequest request) {
      Workflow.sleep(Duration.ofMinutes(1));
      return super.run(request);
    }
  }
}
