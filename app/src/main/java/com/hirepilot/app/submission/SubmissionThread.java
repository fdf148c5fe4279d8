package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.submission.internal.StepKey;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts a comment into a submission's thread, the client's or the recruiter's alike: the comment,
 * its line on the submission's timeline and its client-visible line in the job's activity, in one
 * transaction.
 */
@Component
class SubmissionThread {

  private final SubmissionComments comments;
  private final SubmissionTimeline timeline;
  private final JobActivityLog activityLog;
  private final CandidateDirectory candidates;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SubmissionThread(
      SubmissionComments comments,
      SubmissionTimeline timeline,
      JobActivityLog activityLog,
      CandidateDirectory candidates,
      TransactionTemplate transactions,
      Clock clock) {
    this.comments = comments;
    this.timeline = timeline;
    this.activityLog = activityLog;
    this.candidates = candidates;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Who posts: a client collaborator, or a recruiter replying. */
  record Poster(String collaboratorId, String recruiterId, String name) {
    static Poster client(String collaboratorId, String name) {
      return new Poster(collaboratorId, null, name);
    }

    static Poster recruiter(String recruiterId, String name) {
      return new Poster(null, recruiterId, name);
    }

    /**
     * How the job's activity says it: "Casey commented on Jordan", "Riley replied about Jordan".
     */
    String verb() {
      return collaboratorId != null ? " commented on " : " replied about ";
    }
  }

  SubmissionComment post(Submission submission, Poster poster, String body) {
    Instant now = clock.instant();
    String candidate =
        candidates
            .names(List.of(submission.candidateId()))
            .getOrDefault(submission.candidateId(), "");
    return transactions.execute(
        tx -> {
          SubmissionComment added =
              poster.collaboratorId() != null
                  ? comments.add(submission.id(), poster.collaboratorId(), poster.name(), body, now)
                  : comments.addFromRecruiter(
                      submission.id(), poster.recruiterId(), poster.name(), body, now);
          timeline.append(
              StepKey.comment(submission.id(), added.id()),
              submission.id(),
              SubmissionEventType.COMMENTED,
              poster.name(),
              body.length() > 200 ? body.substring(0, 199) + "…" : body,
              now);
          activityLog.append(
              StepKey.commentActivity(submission.id(), added.id()).value(),
              submission.jobId(),
              submission.id(),
              SubmissionEventType.COMMENTED,
              poster.name(),
              true,
              poster.name() + poster.verb() + candidate,
              now);
          return added;
        });
  }
}
