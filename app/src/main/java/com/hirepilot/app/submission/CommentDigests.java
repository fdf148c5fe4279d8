package com.hirepilot.app.submission;

import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.workflows.submission.CommentDigestWorkflow;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a submission's comment digest workflow that a comment is on record, starting the workflow
 * when none is running (signal-with-start, so concurrent comments start one workflow).
 */
@Component
class CommentDigests {

  private static final Logger log = LoggerFactory.getLogger(CommentDigests.class);

  private final WorkflowClient client;
  private final SubmissionComments comments;
  private final PortalProperties properties;

  CommentDigests(WorkflowClient client, SubmissionComments comments, PortalProperties properties) {
    this.client = client;
    this.comments = comments;
    this.properties = properties;
  }

  /**
   * @return whether the digest heard of it; if not, the comment stays on record as not passed on
   *     and start-up reconciliation (embedded runtime) or the next comment picks it up
   */
  boolean commented(String submissionId) {
    CommentDigestWorkflow workflow =
        client.newWorkflowStub(
            CommentDigestWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CommentDigestWorkflow.workflowId(submissionId))
                .setTaskQueue(SubmissionWorkflow.TASK_QUEUE)
                .build());
    try {
      var request = client.newSignalWithStartRequest();
      request.add(workflow::run, submissionId, properties.comments().digestWindow());
      request.add(workflow::commented);
      client.signalWithStart(request);
      return true;
    } catch (RuntimeException e) {
      log.warn(
          "Could not wake the comment digest of submission {}: {}", submissionId, e.toString());
      return false;
    }
  }

  /** The submissions whose comments the recruiter has not heard of yet. */
  List<String> owed() {
    return comments.submissionsWithUnnotified();
  }
}
