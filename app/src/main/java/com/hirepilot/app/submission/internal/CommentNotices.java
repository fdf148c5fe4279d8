package com.hirepilot.app.submission.internal;

import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.notification.RecruiterInbox;
import com.hirepilot.app.submission.SubmissionComment;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tells the submitting recruiter about client comments: one email and one in-app notice under one
 * key, whether it carries one comment or a digest of several.
 */
@Component
public class CommentNotices {

  private final Mailer mailer;
  private final RecruiterEmails emails;
  private final RecruiterInbox inbox;
  private final Clock clock;

  CommentNotices(Mailer mailer, RecruiterEmails emails, RecruiterInbox inbox, Clock clock) {
    this.mailer = mailer;
    this.emails = emails;
    this.inbox = inbox;
    this.clock = clock;
  }

  boolean alreadySent(StepKey key) {
    return mailer.alreadySent(key.value());
  }

  /** Sends once under the key; a retry after the email went out only posts the notice again. */
  public void tell(StepKey key, SubmissionContext context, List<SubmissionComment> comments) {
    mailer.sendOnce(key.value(), () -> emails.comments(context, comments));
    post(key, context, comments);
  }

  /** The in-app notice about the comments, once under the key. */
  public void post(StepKey key, SubmissionContext context, List<SubmissionComment> comments) {
    SubmissionComment first = comments.get(0);
    inbox.post(
        key.value(),
        context.submission().workspaceId(),
        context.recruiter().id(),
        context.id(),
        "COMMENT",
        comments.size() == 1
            ? first.author() + " commented on " + context.candidate().name() + ": " + first.body()
            : comments.size() + " new comments on " + context.candidate().name(),
        clock.instant());
  }
}
