package com.hirepilot.workflows.submission;

import com.hirepilot.workflows.email.Deliveries;
import com.hirepilot.workflows.email.QueuedEmails;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** See {@link ReplyDigestWorkflow}: a durable timer per window, like the comment digest. */
public class ReplyDigestWorkflowImpl implements ReplyDigestWorkflow {

  private final ReplyDigestActivities activities =
      Workflow.newActivityStub(
          ReplyDigestActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setBackoffCoefficient(2.0)
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  private int repliesSinceLastEmail;

  @Override
  public int run(String submissionId, Duration window) {
    int digests = 0;
    Workflow.await(() -> repliesSinceLastEmail > 0);
    while (true) {
      repliesSinceLastEmail = 0;
      QueuedEmails digest =
          activities.queueReplyDigest(submissionId, Workflow.randomUUID().toString());
      if (digest.count() > 0) {
        Deliveries.deliverAll(digest);
        digests++;
      }
      Workflow.sleep(window);
      // As in the comment digest: a reply signalled while this returns runs the task again.
      if (repliesSinceLastEmail == 0) {
        return digests;
      }
    }
  }

  @Override
  public void replied() {
    repliesSinceLastEmail++;
  }
}
