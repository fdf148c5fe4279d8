package com.hirepilot.app.submission;

import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.workflows.submission.ReplyDigestWorkflow;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a submission's reply digest workflow that the recruiter replied, starting it when none is
 * running (signal-with-start), as {@link CommentDigests} does for the client's comments.
 */
@Component
class ReplyDigests {

  private static final Logger log = LoggerFactory.getLogger(ReplyDigests.class);

  private final WorkflowClient client;
  private final SubmissionComments comments;
  private final PortalProperties properties;

  ReplyDigests(WorkflowClient client, SubmissionComments comments, PortalProperties properties) {
    this.client = client;
    this.comments = comments;
    this.properties = properties;
  }

  /**
   * @return whether the digest heard of it; if not, the reply stays on record as not emailed and
   *     start-up reconciliation (embedded runtime) or the next reply picks it up
   */
  boolean replied(String submissionId) {
    ReplyDigestWorkflow workflow =
        client.newWorkflowStub(
            ReplyDigestWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ReplyDigestWorkflow.workflowId(submissionId))
                .setTaskQueue(SubmissionWorkflow.TASK_QUEUE)
                .build());
    try {
      var request = client.newSignalWithStartRequest();
      request.add(workflow::run, submissionId, properties.comments().digestWindow());
      request.add(workflow::replied);
      client.signalWithStart(request);
      return true;
    } catch (RuntimeException e) {
      log.warn("Could not wake the reply digest of submission {}: {}", submissionId, e.toString());
      return false;
    }
  }

  /** The submissions whose client has not been emailed about the recruiter's replies yet. */
  List<String> owed() {
    return comments.submissionsWithUnemailedReplies();
  }
}
