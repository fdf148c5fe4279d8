package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.app.system.LogContext;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.app.workspace.RecruiterDirectory;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads what the submission activities work on. A submission that is not there is a failure no
 * retry can mend, so the workflow hears of it at once instead of retrying once a minute for ever;
 * only in an activity's first attempts is it taken for a transaction that has not committed yet
 * (the workflow starts inside the transaction that records the submission).
 */
@Component
class SubmissionContexts {

  /** Attempts 1 to 3 come within about 3 seconds of the first: far longer than any commit. */
  static final int ATTEMPTS_WHILE_COMMITTING = 3;

  /** The failure type of a submission, job, candidate or recruiter that does not exist. */
  static final String MISSING = "SubmissionRecordMissing";

  private final Submissions submissions;
  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final CandidateDirectory candidates;
  private final CandidateFiles candidateFiles;
  private final RecruiterDirectory recruiters;
  private final JdbcClient jdbc;

  SubmissionContexts(
      Submissions submissions,
      JobService jobs,
      JobCollaborators collaborators,
      CandidateDirectory candidates,
      CandidateFiles candidateFiles,
      RecruiterDirectory recruiters,
      JdbcClient jdbc) {
    this.submissions = submissions;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.candidates = candidates;
    this.candidateFiles = candidateFiles;
    this.recruiters = recruiters;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  SubmissionContext load(String submissionId) {
    Submission submission = submission(submissionId);
    Job job = present(jobs.find(submission.jobId()), "Job " + submission.jobId());
    Candidate candidate =
        present(candidates.find(submission.candidateId()), "Candidate " + submission.candidateId());
    return of(submission, job, candidate);
  }

  /**
   * The context of a submission being recorded, from what the submit request has already read: only
   * the recruiter is looked up (the request knows who, not the whole record).
   */
  SubmissionContext of(Submission submission, Job job, Candidate candidate) {
    Recruiter recruiter =
        present(recruiters.find(submission.recruiterId()), "Recruiter " + submission.recruiterId());
    return new SubmissionContext(submission, job, candidate, recruiter);
  }

  /** The job's active client collaborators: who the submission's emails go to. */
  List<Collaborator> recipientsOf(SubmissionContext context) {
    return collaborators.activeOnJob(context.job().id());
  }

  /** The files shown with the submission that a client may download. */
  List<Attachment> publicFilesOf(SubmissionContext context) {
    return candidateFiles.publicFiles(
        context.submission().attachments().stream()
            .map(Submission.SubmittedAttachment::attachmentId)
            .toList());
  }

  @Transactional(readOnly = true)
  Submission submission(String submissionId) {
    Optional<Submission> found = submissions.findById(submissionId);
    if (found.isPresent()) {
      Submission submission = found.get();
      logContext(submission.id(), submission.jobId(), submission.workspaceId());
      return submission;
    }
    throw notFound(submissionId);
  }

  /** What a submission is about, without its files or texts. */
  record Facts(String workspaceId, String jobId, String candidateId) {}

  /**
   * A submission's {@link Facts} in one statement, for the hand-over to automation, which needs no
   * more and runs after every email: the aggregate ({@link #submission}) would cost a second
   * statement for its files.
   */
  Facts facts(String submissionId) {
    Optional<Facts> found =
        jdbc.sql("select workspace_id, job_id, candidate_id from submission where id = :id")
            .param("id", submissionId)
            .query(
                (rs, row) ->
                    new Facts(
                        rs.getString("workspace_id"),
                        rs.getString("job_id"),
                        rs.getString("candidate_id")))
            .optional();
    if (found.isPresent()) {
      logContext(submissionId, found.get().jobId(), found.get().workspaceId());
      return found.get();
    }
    throw notFound(submissionId);
  }

  /**
   * The activity's log lines say which submission, job and workspace they are about; the activity's
   * end clears them (TemporalLogContext).
   */
  private static void logContext(String submissionId, String jobId, String workspaceId) {
    LogContext.put(LogContext.SUBMISSION_ID, submissionId);
    LogContext.put(LogContext.JOB_ID, jobId);
    LogContext.put(LogContext.WORKSPACE_ID, workspaceId);
  }

  private static ApplicationFailure notFound(String submissionId) {
    if (attempt() <= ATTEMPTS_WHILE_COMMITTING) {
      return ApplicationFailure.newFailure(
          "Submission " + submissionId + " is not committed yet", "SubmissionNotCommittedYet");
    }
    return missing("Submission " + submissionId);
  }

  private static <T> T present(Optional<T> record, String what) {
    return record.orElseThrow(() -> missing(what));
  }

  private static ApplicationFailure missing(String what) {
    return ApplicationFailure.newNonRetryableFailure(what + " does not exist", MISSING);
  }

  /** The activity's attempt, or past the grace period when called outside an activity. */
  private static int attempt() {
    try {
      return Activity.getExecutionContext().getInfo().getAttempt();
    } catch (IllegalStateException notAnActivity) {
      return Integer.MAX_VALUE;
    }
  }
}
