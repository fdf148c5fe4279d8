package com.hirepilot.app.submission;

import com.hirepilot.app.notification.DeliveryPolicy;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.submission.internal.StepKey;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.workflows.email.QueuedEmails;
import com.hirepilot.workflows.submission.EmailKind;
import com.hirepilot.workflows.submission.ReplyDigestActivities;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Records the client's emails about the recruiter's replies: one per active collaborator. */
@Component
class ReplyDigestActivitiesImpl implements ReplyDigestActivities {

  private final SubmissionContexts contexts;
  private final SubmissionComments comments;
  private final Mailer mailer;
  private final DeliveryPolicy policy;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ReplyDigestActivitiesImpl(
      SubmissionContexts contexts,
      SubmissionComments comments,
      Mailer mailer,
      DeliveryPolicy policy,
      TransactionTemplate transaction,
      Clock clock) {
    this.contexts = contexts;
    this.comments = comments;
    this.mailer = mailer;
    this.policy = policy;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public QueuedEmails queueReplyDigest(String submissionId, String batch) {
    SubmissionContext context = contexts.load(submissionId);
    return transaction.execute(
        tx -> {
          // Claimed on an earlier attempt: claiming again could add replies it never had.
          if (comments.ofReplyDigest(batch).isEmpty()) {
            comments.claimForReplyDigest(submissionId, batch);
          }
          List<SubmissionComment> replies = comments.ofReplyDigest(batch);
          if (replies.isEmpty()) {
            return policy.toDeliver(List.of());
          }
          comments.markReplyDigestEmailed(batch, clock.instant());
          // A withdrawn candidate is gone from the portal: the replies reach nobody.
          if (context.submission().status() == SubmissionStatus.WITHDRAWN) {
            return policy.toDeliver(List.of());
          }
          return policy.toDeliver(
              contexts.recipientsOf(context).stream()
                  .map(
                      collaborator ->
                          mailer.queue(
                              SubmissionEmailComposer.toCollaborator(
                                  StepKey.replyDigest(submissionId, batch, collaborator.id()),
                                  context,
                                  EmailKind.RECRUITER_REPLY,
                                  collaborator,
                                  Map.of(SubmissionEmailComposer.BATCH, batch))))
                  .toList());
        });
  }
}
