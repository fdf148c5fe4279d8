package com.hirepilot.app.submission;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.notification.DeliveryPolicy;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.submission.internal.StepKey;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.workflows.email.QueuedEmails;
import com.hirepilot.workflows.submission.EmailKind;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a round of the submission email: one delivery per active collaborator, keyed by
 * submission, round and collaborator, so recording a round again gives back the same deliveries.
 * The first round is recorded with the submission itself ({@link SubmittingCandidates}); later
 * rounds, and a resumed first round, by the workflow's activity.
 */
@Component
class SubmissionEmailQueue {

  private final SubmissionContexts contexts;
  private final Mailer mailer;
  private final DeliveryPolicy policy;
  private final TransactionTemplate transaction;

  SubmissionEmailQueue(
      SubmissionContexts contexts,
      Mailer mailer,
      DeliveryPolicy policy,
      TransactionTemplate transaction) {
    this.contexts = contexts;
    this.mailer = mailer;
    this.policy = policy;
    this.transaction = transaction;
  }

  QueuedEmails round(String submissionId, int round) {
    SubmissionContext context = contexts.load(submissionId);
    if (context.submission().emailRound() > round) {
      return policy.toDeliver(List.of()); // a resend superseded this round before it went out
    }
    return transaction.execute(tx -> queue(context, round, contexts.recipientsOf(context)));
  }

  /**
   * The first round, in the submit request's own transaction, to the recipients it has just read
   * and checked: nothing is read twice on the way to the client's email.
   */
  QueuedEmails firstRound(SubmissionContext context, List<Collaborator> recipients) {
    return queue(context, 1, recipients);
  }

  private QueuedEmails queue(SubmissionContext context, int round, List<Collaborator> recipients) {
    return policy.toDeliver(
        recipients.stream()
            .map(
                collaborator ->
                    mailer.queue(
                        SubmissionEmailComposer.toCollaborator(
                            StepKey.submissionEmail(context.id(), round, collaborator.id()),
                            context,
                            EmailKind.SUBMISSION,
                            collaborator,
                            Map.of(SubmissionEmailComposer.ROUND, String.valueOf(round)))))
            .toList());
  }
}
