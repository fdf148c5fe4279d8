package com.hirepilot.app.submission;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.throttle.Throttle;
import com.hirepilot.app.throttle.Throttles;
import com.hirepilot.workflows.submission.ClientComment;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionStatus;
import org.springframework.stereotype.Service;

/**
 * A client's feedback on a candidate they can see: a decision, or a comment. The caller (the
 * portal) has checked that the client may see the submission.
 */
@Service
public class ClientFeedback {

  private final SubmissionWorkflows workflows;
  private final Submissions submissions;
  private final CommentDigests digests;
  private final Throttles throttles;
  private final SubmissionThread thread;

  ClientFeedback(
      SubmissionWorkflows workflows,
      Submissions submissions,
      CommentDigests digests,
      Throttles throttles,
      SubmissionThread thread) {
    this.workflows = workflows;
    this.submissions = submissions;
    this.digests = digests;
    this.throttles = throttles;
    this.thread = thread;
  }

  /**
   * Hands the client's decision to the workflow. The same decision again answers the same status; a
   * different one after a final outcome is a conflict.
   */
  public SubmissionStatus decide(
      String submissionId,
      Collaborator collaborator,
      Decision decision,
      String reason,
      String availability) {
    Submission submission = submissions.findById(submissionId).orElseThrow();
    if (submission.status().isFinal()) {
      return submission.repeatDecision(decision);
    }
    ClientDecision clientDecision =
        new ClientDecision(
            collaborator.id(), collaborator.displayName(), decision, reason, availability);
    return workflows.update(
        submission,
        workflow -> workflow.decide(clientDecision).status(),
        latest -> latest.repeatDecision(decision));
  }

  /**
   * Stores a client's comment and shows it in the thread at once; the comment digest passes it on
   * to the recruiter, the first at once and a burst as one email.
   *
   * @throws com.hirepilot.app.system.TooManyRequestsException over the client's comment limit
   */
  public SubmissionComment comment(String submissionId, Collaborator collaborator, String body) {
    throttles.takeOrRefuse(
        Throttle.COMMENTS_PER_CLIENT,
        collaborator.id(),
        "You have posted many comments in a short time. Wait a little, then try again.");
    Submission submission = submissions.findById(submissionId).orElseThrow();
    SubmissionComment comment =
        thread.post(
            submission,
            SubmissionThread.Poster.client(collaborator.id(), collaborator.displayName()),
            body);
    Submission latest = submissions.findById(submission.id()).orElseThrow();
    // The lifecycle records it and hands it to automation while it runs; after a final outcome the
    // workflow is finishing and the comment is only passed on.
    if (latest.unsettled() && !latest.status().isFinal()) {
      workflows.signal(
          latest, new ClientComment(comment.id(), collaborator.id(), collaborator.displayName()));
    }
    // The recruiter hears of it from the digest, at once or with the comments around it.
    digests.commented(submission.id());
    return comment;
  }
}
