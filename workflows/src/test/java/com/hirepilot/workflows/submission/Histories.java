package com.hirepilot.workflows.submission;

import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the history of a test workflow to {@code src/test/resources/histories/} when the build
 * runs with {@code -Drecord.histories=true}. {@link SubmissionWorkflowReplayTests} replays every
 * file there, so the recorded paths keep working for workflows already running when the code
 * changes.
 *
 * <p>An existing file is kept: it stands for workflows started by the code that recorded it, which
 * a versioned change must go on replaying. {@code -Drecord.histories=overwrite} records every path
 * again; only use it when no workflow of the older shape can still be running.
 */
final class Histories {

  static final Path FOLDER = Path.of("src", "test", "resources", "histories");

  /**
   * The shape of the workflow code recording now; a path recorded by an older shape keeps its file
   * under its plain name. Change it with each versioned change, so the new shape's histories are
   * recorded beside the old ones instead of being skipped.
   */
  static final String SHAPE = "local-hand-over";

  private Histories() {}

  static void record(TestWorkflowEnvironment testEnv, Object workflow, String name) {
    record(testEnv, WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId(), name);
  }

  static void record(TestWorkflowEnvironment testEnv, String workflowId, String name) {
    String mode = System.getProperty("record.histories", "false");
    boolean overwrite = mode.equals("overwrite");
    if (!overwrite && !mode.equals("true")) {
      return;
    }
    Path file = FOLDER.resolve(name + "--" + SHAPE + ".json");
    Path folder = file.getParent();
    if (!overwrite && Files.exists(file)) {
      return;
    }
    String json = testEnv.getWorkflowClient().fetchHistory(workflowId).toJson(true);
    try {
      Files.createDirectories(folder);
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
