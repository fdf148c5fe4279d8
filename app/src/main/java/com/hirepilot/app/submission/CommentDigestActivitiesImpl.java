package com.hirepilot.app.submission;

import com.hirepilot.app.notification.DeliveryPolicy;
import com.hirepilot.app.notification.EmailDeliveries;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.submission.internal.CommentNotices;
import com.hirepilot.app.submission.internal.StepKey;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.workflows.email.QueuedEmails;
import com.hirepilot.workflows.submission.CommentDigestActivities;
import com.hirepilot.workflows.submission.EmailKind;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Passes a batch of client comments on to the recruiter: one email, one in-app notice. */
@Component
class CommentDigestActivitiesImpl implements CommentDigestActivities {

  private final SubmissionContexts contexts;
  private final SubmissionComments comments;
  private final CommentNotices notices;
  private final Mailer mailer;
  private final EmailDeliveries deliveries;
  private final DeliveryPolicy policy;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CommentDigestActivitiesImpl(
      SubmissionContexts contexts,
      SubmissionComments comments,
      CommentNotices notices,
      Mailer mailer,
      EmailDeliveries deliveries,
      DeliveryPolicy policy,
      TransactionTemplate transaction,
      Clock clock) {
    this.contexts = contexts;
    this.comments = comments;
    this.notices = notices;
    this.mailer = mailer;
    this.deliveries = deliveries;
    this.policy = policy;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public int passOnComments(String submissionId, String batch) {
    // Digest workflows from before per-recipient delivery: the same delivery, attempted here.
    QueuedEmails digest = queueCommentDigest(submissionId, batch);
    mailer.attemptAll(digest.deliveryIds(), Activity.getExecutionContext().getInfo().getAttempt());
    return comments.ofDigest(batch).size();
  }

  @Override
  public QueuedEmails queueCommentDigest(String submissionId, String batch) {
    StepKey key = StepKey.commentDigest(submissionId, batch);
    SubmissionContext context = contexts.load(submissionId);
    return transaction.execute(
        tx -> {
          // Queued on an earlier attempt: claiming again could add comments it never had.
          if (deliveries.find(key.value()).isEmpty()) {
            comments.claimForDigest(submissionId, batch);
          }
          List<SubmissionComment> digest = comments.ofDigest(batch);
          if (digest.isEmpty()) {
            return policy.toDeliver(List.of());
          }
          String deliveryId =
              mailer.queue(
                  SubmissionEmailComposer.toRecruiter(
                      key,
                      context,
                      EmailKind.COMMENT_NOTIFICATION,
                      Map.of(SubmissionEmailComposer.BATCH, batch)));
          notices.post(key, context, digest);
          // Passed on once the email is on record: a restart redelivers it, never re-digests.
          comments.markDigestNotified(batch, clock.instant());
          return policy.toDeliver(List.of(deliveryId));
        });
  }
}
