package com.hirepilot.workflows.submission;

import com.hirepilot.workflows.email.QueuedEmails;
import io.temporal.activity.ActivityInterface;

/** The one step of {@link CommentDigestWorkflow}. */
@ActivityInterface
public interface CommentDigestActivities {

  /**
   * Sends the recruiter one email (and one in-app notice) with every comment on the submission not
   * yet passed on, and marks them passed on. A single comment reads like a single comment; several
   * make a digest.
   *
   * <p>Idempotency key: {@code submission-<id>/COMMENT_DIGEST/<batch>}; a retry after the email
   * went out only marks the comments.
   *
   * @param batch unique per call of the workflow, the same on every retry
   * @return how many comments it passed on; 0 when there were none
   */
  int passOnComments(String submissionId, String batch);

  /**
   * Claims the comments not yet passed on into the batch, records the recruiter's email about them
   * (key as {@link #passOnComments}), posts the in-app notice and marks them passed on, all in one
   * transaction: a crash afterwards can neither lose the digest nor send it twice.
   *
   * @return the email to deliver; none when there were no comments
   */
  QueuedEmails queueCommentDigest(String submissionId, String batch);
}
