package com.hirepilot.app.submission;

import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.notification.RecruiterInbox;
import com.hirepilot.workflows.submission.CommentDigestActivities;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Passes a batch of client comments on to the recruiter: one email, one in-app notice. */
@Component
class CommentDigestActivitiesImpl implements CommentDigestActivities {

  private final SubmissionContexts contexts;
  private final SubmissionComments comments;
  private final Mailer mailer;
  private final RecruiterEmails emails;
  private final RecruiterInbox inbox;
  private final Clock clock;

  CommentDigestActivitiesImpl(
      SubmissionContexts contexts,
      SubmissionComments comments,
      Mailer mailer,
      RecruiterEmails emails,
      RecruiterInbox inbox,
      Clock clock) {
    this.contexts = contexts;
    this.comments = comments;
    this.mailer = mailer;
    this.emails = emails;
    this.inbox = inbox;
    this.clock = clock;
  }

  @Override
  public int passOnComments(String submissionId, String batch) {
    StepKey key = StepKey.commentDigest(submissionId, batch);
    // The email went out on an earlier attempt: claiming again could add comments it never had.
    if (!mailer.alreadySent(key.value())) {
      comments.claimForDigest(submissionId, batch);
    }
    List<SubmissionComment> digest = comments.inDigest(batch);
    if (digest.isEmpty()) {
      return 0;
    }
    SubmissionContext context = contexts.load(submissionId);
    mailer.sendOnce(key.value(), () -> emails.comments(context, digest));
    SubmissionComment first = digest.get(0);
    inbox.post(
        key.value(),
        context.submission().workspaceId(),
        context.recruiter().id(),
        submissionId,
        "COMMENT",
        digest.size() == 1
            ? first.author() + " commented on " + context.candidate().name() + ": " + first.body()
            : digest.size() + " new comments on " + context.candidate().name(),
        clock.instant());
    comments.markDigestNotified(batch, clock.instant());
    return digest.size();
  }
}
