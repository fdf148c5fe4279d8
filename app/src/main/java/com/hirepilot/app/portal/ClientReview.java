package com.hirepilot.app.portal;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.submission.ClientFeedback;
import com.hirepilot.app.submission.SubmissionComment;
import com.hirepilot.workflows.submission.Decision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in client says about a candidate they can see: a decision or a comment. The
 * submission is checked against the client's jobs first; the feedback itself is the submission
 * feature's.
 */
@Service
class ClientReview {

  private final ClientAccess access;
  private final ClientFeedback feedback;

  ClientReview(ClientAccess access, ClientFeedback feedback) {
    this.access = access;
    this.feedback = feedback;
  }

  /** The job of a submission the client can see, for redirects after a form post. */
  @Transactional(readOnly = true)
  public String jobIdOf(String submissionId) {
    return access.visibleSubmission(access.signedIn(), submissionId).jobId();
  }

  /**
   * Not one transaction: the decision waits for the workflow's answer, and no pooled connection
   * waits with it.
   */
  PortalViews.DecisionResult decide(
      String submissionId, Decision decision, String reason, String availability) {
    Collaborator me = access.signedIn();
    String visible = access.visibleSubmission(me, submissionId).id();
    return new PortalViews.DecisionResult(
        feedback.decide(visible, me, decision, reason, availability));
  }

  PortalViews.CommentView comment(String submissionId, String body) {
    Collaborator me = access.signedIn();
    String visible = access.visibleSubmission(me, submissionId).id();
    SubmissionComment comment = feedback.comment(visible, me, body);
    return new PortalViews.CommentView(
        comment.id(), comment.at(), comment.author(), comment.body());
  }
}
