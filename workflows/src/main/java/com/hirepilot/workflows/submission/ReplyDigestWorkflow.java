package com.hirepilot.workflows.submission;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * Emails the client when the recruiter replies in a submission's conversation, digested the way
 * {@link CommentDigestWorkflow} digests the client's comments for the recruiter: the first reply
 * goes out at once, the replies that follow within the window go out together when it ends, and the
 * workflow closes after a quiet window. Each active collaborator gets their own email, each its own
 * delivery.
 *
 * <p>Workflow ID {@code reply-digest-<submissionId>}; task queue {@code submissions}.
 */
@WorkflowInterface
public interface ReplyDigestWorkflow {

  static String workflowId(String submissionId) {
    return "reply-digest-" + submissionId;
  }

  /**
   * @return how many digests it sent
   */
  @WorkflowMethod
  int run(String submissionId, Duration window);

  /** The recruiter replied; the reply is already on record. */
  @SignalMethod
  void replied();
}
