package com.hirepilot.workflows.submission;

import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the history of a finished test workflow to {@code src/test/resources/histories/} when the
 * build runs with {@code -Drecord.histories=true}. {@link SubmissionWorkflowReplayTests} replays
 * every file there, so the recorded paths keep working for workflows already running when the code
 * changes. Record again only for a deliberate, versioned change, and keep the old files.
 */
final class Histories {

  static final Path FOLDER = Path.of("src", "test", "resources", "histories");

  private Histories() {}

  static void record(TestWorkflowEnvironment testEnv, Object workflow, String name) {
    if (!Boolean.getBoolean("record.histories")) {
      return;
    }
    String workflowId = WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId();
    String json = testEnv.getWorkflowClient().fetchHistory(workflowId).toJson(true);
    try {
      Files.createDirectories(FOLDER);
      Files.writeString(FOLDER.resolve(name + ".json"), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
