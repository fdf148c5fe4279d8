package com.hirepilot.workflows.submission;

import com.hirepilot.workflows.email.Deliveries;
import com.hirepilot.workflows.email.QueuedEmails;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** See {@link CommentDigestWorkflow}: a durable timer per window, nothing else. */
public class CommentDigestWorkflowImpl implements CommentDigestWorkflow {

  /** Like the submission's own emails: a mail outage delays the digest, it never loses it. */
  private final CommentDigestActivities activities =
      Workflow.newActivityStub(
          CommentDigestActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setBackoffCoefficient(2.0)
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  /** Comments signalled since the last email went out. */
  private int commentsSinceLastEmail;

  @Override
  public int run(String submissionId, Duration window) {
    int emails = 0;
    // Woken by the comment that started it; a start without one (there is none today) waits.
    Workflow.await(() -> commentsSinceLastEmail > 0);
    while (true) {
      commentsSinceLastEmail = 0;
      String batch = Workflow.randomUUID().toString();
      if (Workflow.getVersion(
              SubmissionWorkflowImpl.PER_RECIPIENT_EMAIL_CHANGE,
              Workflow.DEFAULT_VERSION,
              SubmissionWorkflowImpl.PER_RECIPIENT_EMAIL)
          == Workflow.DEFAULT_VERSION) {
        if (activities.passOnComments(submissionId, batch) > 0) {
          emails++;
        }
      } else {
        QueuedEmails digest = activities.queueCommentDigest(submissionId, batch);
        if (digest.count() > 0) {
          Deliveries.deliverAll(digest);
          emails++;
        }
      }
      Workflow.sleep(window);
      // A comment signalled while this returns makes the completion fail and the workflow task
      // run again with the signal, so none is lost between the check and the close.
      if (commentsSinceLastEmail == 0) {
        return emails;
      }
    }
  }

  @Override
  public void commented() {
    commentsSinceLastEmail++;
  }
}
