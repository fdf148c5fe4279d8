package com.hirepilot.app.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.workflows.submission.SubmissionRequest;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A workflow whose submission is not in the database can never succeed: its activities fail for
 * good once the grace for a committing transaction has passed, and the workflow fails, instead of
 * retrying once a minute for ever.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class MissingRecordTests {

  @Autowired WorkflowClient workflows;

  @Test
  void aWorkflowWhoseSubmissionDoesNotExistFailsInsteadOfRetryingForEver() {
    String submissionId = "missing-" + UUID.randomUUID();
    SubmissionWorkflow workflow =
        workflows.newWorkflowStub(
            SubmissionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(SubmissionWorkflow.workflowId(submissionId))
                .setTaskQueue(SubmissionWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(
        workflow::run,
        new SubmissionRequest(submissionId, "ws", "job", "candidate", List.of(Duration.ofDays(2))));

    assertThatThrownBy(
            () ->
                WorkflowStub.fromTyped(workflow)
                    .getResultAsync(Object.class)
                    .get(60, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(SubmissionContexts.MISSING);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .isEqualTo("Submission " + submissionId + " does not exist");
            });
  }
}
