package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.CandidateService;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.workflows.submission.RecruiterAction;
import com.hirepilot.workflows.submission.Resend;
import com.hirepilot.workflows.submission.SubmissionConflict;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What a recruiter does to a submission once it is out: withdraw it, send it again, or reply to the
 * client in its thread.
 */
@Service
public class RecruiterActions {

  private final Submissions submissions;
  private final SubmissionWorkflows workflows;
  private final CandidateService candidates;
  private final JobService jobs;
  private final SubmissionThread thread;

  RecruiterActions(
      Submissions submissions,
      SubmissionWorkflows workflows,
      CandidateService candidates,
      JobService jobs,
      SubmissionThread thread) {
    this.thread = thread;
    this.submissions = submissions;
    this.workflows = workflows;
    this.candidates = candidates;
    this.jobs = jobs;
  }

  /**
   * Withdraws the candidate: the client stops seeing them at once and reminders stop. Withdrawing
   * again answers the same; after the client's final decision it is a conflict.
   */
  public SubmissionStatus withdraw(CurrentRecruiter recruiter, String submissionId) {
    Submission submission = get(recruiter, submissionId);
    if (submission.status().isFinal()) {
      return submission.repeatOutcome(SubmissionStatus.WITHDRAWN);
    }
    RecruiterAction withdrawal = new RecruiterAction(recruiter.recruiterId(), recruiter.name());
    return workflows.update(
        submission,
        workflow -> workflow.withdraw(withdrawal).status(),
        latest -> latest.repeatOutcome(SubmissionStatus.WITHDRAWN));
  }

  /** What a resend started: the email round now going out, and the status it leaves. */
  public record Resent(int round, SubmissionStatus status) {}

  /**
   * Sends the submission email again, with new attachments and message if given; the reminder
   * schedule starts over from it.
   *
   * @param attachmentIds the candidate's files to show from now on, or null to keep the current
   */
  public Resent resend(
      CurrentRecruiter recruiter, String submissionId, List<String> attachmentIds, String message) {
    Submission submission = get(recruiter, submissionId);
    List<String> files =
        attachmentIds == null
            ? null
            : candidates.filesOf(recruiter.workspaceId(), submission.candidateId(), attachmentIds);
    if (submission.status().isFinal()) {
      throw new ConflictException(SubmissionConflict.nothingToResend(submission.status()));
    }
    if (jobs.activeCollaboratorsOf(submission.jobId()).isEmpty()) {
      throw new InvalidInputException(
          "jobId", "the job has no active collaborators to send the submission to; add one first");
    }
    Resend resend =
        new Resend(
            recruiter.recruiterId(),
            recruiter.name(),
            files,
            message == null || message.isBlank() ? null : message);
    return workflows.update(
        submission,
        workflow -> {
          var receipt = workflow.resend(resend);
          return new Resent(receipt.round(), receipt.status());
        },
        latest -> {
          throw new ConflictException(SubmissionConflict.nothingToResend(latest.status()));
        });
  }

  /**
   * The recruiter's reply in the submission's thread: the client sees it in the portal at once,
   * live on the job's activity feed. A withdrawn candidate is gone from the portal, so a reply
   * there would reach nobody: a conflict.
   */
  public SubmissionComment comment(CurrentRecruiter recruiter, String submissionId, String body) {
    Submission submission = get(recruiter, submissionId);
    if (submission.status() == SubmissionStatus.WITHDRAWN) {
      throw new ConflictException(
          "The candidate was withdrawn: the client no longer sees this submission.");
    }
    return thread.post(
        submission,
        SubmissionThread.Poster.recruiter(recruiter.recruiterId(), recruiter.name()),
        body);
  }

  private Submission get(CurrentRecruiter recruiter, String submissionId) {
    return submissions
        .findByIdAndWorkspaceId(submissionId, recruiter.workspaceId())
        .orElseThrow(() -> new NotFoundException("Submission"));
  }
}
