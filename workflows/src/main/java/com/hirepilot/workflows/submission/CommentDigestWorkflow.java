package com.hirepilot.workflows.submission;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * Passes a submission's client comments on to the recruiter without one email per comment: the
 * first comment goes out at once, the ones that follow within the window go out together as one
 * digest when it ends, and the workflow closes after a window with no comment. Started (or woken)
 * with signal-with-start on every comment, so a burst of a hundred comments is two emails.
 *
 * <p>Workflow ID {@code comment-digest-<submissionId>}; task queue {@code submissions}. Which
 * comments are still to pass on is the database's to say, so the workflow carries no text.
 */
@WorkflowInterface
public interface CommentDigestWorkflow {

  static String workflowId(String submissionId) {
    return "comment-digest-" + submissionId;
  }

  /**
   * @return how many emails it sent the recruiter
   */
  @WorkflowMethod
  int run(String submissionId, Duration window);

  /** A client commented; the comment is already on record. */
  @SignalMethod
  void commented();
}
