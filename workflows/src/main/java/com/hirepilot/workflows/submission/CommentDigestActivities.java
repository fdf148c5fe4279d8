package com.hirepilot.workflows.submission;

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
}
