package com.hirepilot.workflows.submission;

import com.hirepilot.workflows.email.QueuedEmails;
import io.temporal.activity.ActivityInterface;

/** The one step of {@link ReplyDigestWorkflow}. */
@ActivityInterface
public interface ReplyDigestActivities {

  /**
   * Claims the recruiter's replies not yet emailed into the batch, records one email per active
   * collaborator about them and marks them emailed, in one transaction.
   *
   * <p>Idempotency key: {@code submission-<id>/RECRUITER_REPLY/<batch>/<collaboratorId>}.
   *
   * @param batch unique per call of the workflow, the same on every retry
   * @return the emails to deliver; none when there were no replies (or the candidate is withdrawn)
   */
  QueuedEmails queueReplyDigest(String submissionId, String batch);
}
