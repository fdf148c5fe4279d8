package com.hirepilot.app.submission;

import com.hirepilot.workflows.submission.CommentDigestActivities;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Passes a batch of client comments on to the recruiter: one email, one in-app notice. */
@Component
class CommentDigestActivitiesImpl implements CommentDigestActivities {

  private final SubmissionContexts contexts;
  private final SubmissionComments comments;
  private final CommentNotices notices;
  private final Clock clock;

  CommentDigestActivitiesImpl(
      SubmissionContexts contexts,
      SubmissionComments comments,
      CommentNotices notices,
      Clock clock) {
    this.contexts = contexts;
    this.comments = comments;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  public int passOnComments(String submissionId, String batch) {
    StepKey key = StepKey.commentDigest(submissionId, batch);
    // The email went out on an earlier attempt: claiming again could add comments it never had.
    if (!notices.alreadySent(key)) {
      comments.claimForDigest(submissionId, batch);
    }
    List<SubmissionComment> digest = comments.inDigest(batch);
    if (digest.isEmpty()) {
      return 0;
    }
    notices.tell(key, contexts.load(submissionId), digest);
    comments.markDigestNotified(batch, clock.instant());
    return digest.size();
  }
}
