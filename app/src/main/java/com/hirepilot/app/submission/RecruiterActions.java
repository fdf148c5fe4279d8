package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.workflows.submission.RecruiterAction;
import com.hirepilot.workflows.submission.Resend;
import com.hirepilot.workflows.submission.SubmissionConflict;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a recruiter does to a submission once it is out: withdraw it, send it again, or reply to the
 * client in its thread.
 */
@Service
public class RecruiterActions {

  private final Submissions submissions;
  private final SubmissionWorkflows workflows;
  private final CandidateFiles candidateFiles;
  private final JobCollaborators collaborators;
  private final SubmissionThread thread;
  private final ReplyDigests replyDigests;
  private final AddressFlags flags;

  RecruiterActions(
      Submissions submissions,
      SubmissionWorkflows workflows,
      CandidateFiles candidateFiles,
      JobCollaborators collaborators,
      SubmissionThread thread,
      ReplyDigests replyDigests,
      AddressFlags flags) {
    this.flags = flags;
    this.thread = thread;
    this.replyDigests = replyDigests;
    this.submissions = submissions;
    this.workflows = workflows;
    this.candidateFiles = candidateFiles;
    this.collaborators = collaborators;
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
            : candidateFiles.filesOf(
                recruiter.workspaceId(), submission.candidateId(), attachmentIds);
    if (submission.status().isFinal()) {
      throw new ConflictException(SubmissionConflict.nothingToResend(submission.status()));
    }
    requireDeliverableRecipients(submission);
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
   * Uploads a new version of the candidate's resume (public, so the client can open it) and sends
   * the submission again with it in place of the resume shown so far; the other files stay. The
   * resend is checked before the upload, and the upload before anything is sent: a refused file
   * (wrong type, too large) sends nothing and keeps nothing.
   */
  public Resent resendWithNewResume(
      CurrentRecruiter recruiter, String submissionId, MultipartFile resume, String message) {
    Submission submission = get(recruiter, submissionId);
    if (submission.status().isFinal()) {
      throw new ConflictException(SubmissionConflict.nothingToResend(submission.status()));
    }
    requireDeliverableRecipients(submission);
    if (resume == null || resume.isEmpty()) {
      throw new InvalidInputException("file", "choose the new resume file to upload");
    }
    Attachment uploaded =
        candidateFiles.attach(
            recruiter.workspaceId(),
            submission.candidateId(),
            resume,
            Attachment.Kind.RESUME,
            true);
    Set<String> shown =
        submission.attachments().stream()
            .map(Submission.SubmittedAttachment::attachmentId)
            .collect(Collectors.toSet());
    List<String> files = new ArrayList<>();
    candidateFiles.attachmentsOf(submission.candidateId()).stream()
        .filter(a -> shown.contains(a.id()) && a.kind() != Attachment.Kind.RESUME)
        .forEach(a -> files.add(a.id()));
    files.add(uploaded.id());
    return resend(recruiter, submissionId, files, message);
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
    SubmissionComment reply =
        thread.post(
            submission,
            SubmissionThread.Poster.recruiter(recruiter.recruiterId(), recruiter.name()),
            body);
    // On record first: if the digest cannot be woken now, start-up or the next reply wakes it.
    replyDigests.replied(submissionId);
    return reply;
  }

  /**
   * The job has someone to send to, and none of their addresses is flagged by a bounce, a drop or a
   * spam report (409 naming each: the recruiter confirms or corrects it first).
   */
  private void requireDeliverableRecipients(Submission submission) {
    List<Collaborator> recipients = collaborators.activeOnJob(submission.jobId());
    if (recipients.isEmpty()) {
      throw new InvalidInputException(
          "jobId", "the job has no active collaborators to send the submission to; add one first");
    }
    flags.refuseFlagged(
        submission.workspaceId(), recipients.stream().map(Collaborator::email).toList());
  }

  private Submission get(CurrentRecruiter recruiter, String submissionId) {
    return submissions
        .findByIdAndWorkspaceId(submissionId, recruiter.workspaceId())
        .orElseThrow(() -> new NotFoundException("Submission"));
  }
}
