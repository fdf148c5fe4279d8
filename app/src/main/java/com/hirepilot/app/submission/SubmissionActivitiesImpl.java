package com.hirepilot.app.submission;

import com.hirepilot.app.auth.LoginLinks;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Attachments;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.Candidates;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.job.Jobs;
import com.hirepilot.app.notification.EmailKind;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.app.workspace.Recruiters;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionActivities;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The submission workflow's hands. Every method is safe to run again: each write and each email
 * carries an idempotency key derived from the submission and the step.
 */
@Component
class SubmissionActivitiesImpl implements SubmissionActivities {

  private final Submissions submissions;
  private final Jobs jobs;
  private final JobService jobService;
  private final Candidates candidates;
  private final Attachments attachments;
  private final Recruiters recruiters;
  private final LoginLinks links;
  private final Mailer mailer;
  private final SubmissionEmails emails;
  private final SubmissionTimeline timeline;
  private final PipelineStages pipeline;
  private final JobActivityLog activityLog;
  private final Clock clock;

  SubmissionActivitiesImpl(
      Submissions submissions,
      Jobs jobs,
      JobService jobService,
      Candidates candidates,
      Attachments attachments,
      Recruiters recruiters,
      LoginLinks links,
      Mailer mailer,
      SubmissionEmails emails,
      SubmissionTimeline timeline,
      PipelineStages pipeline,
      JobActivityLog activityLog,
      Clock clock) {
    this.submissions = submissions;
    this.jobs = jobs;
    this.jobService = jobService;
    this.candidates = candidates;
    this.attachments = attachments;
    this.recruiters = recruiters;
    this.links = links;
    this.mailer = mailer;
    this.emails = emails;
    this.timeline = timeline;
    this.pipeline = pipeline;
    this.activityLog = activityLog;
    this.clock = clock;
  }

  @Override
  public int sendSubmissionEmails(String submissionId, int round) {
    Submission submission = submission(submissionId);
    Job job = jobs.findById(submission.jobId()).orElseThrow();
    Candidate candidate = candidates.findById(submission.candidateId()).orElseThrow();
    Recruiter recruiter = recruiters.findById(submission.recruiterId()).orElseThrow();
    List<Attachment> shown = publicAttachmentsOf(submission);
    List<Collaborator> recipients = jobService.activeCollaboratorsOf(job.id());
    for (Collaborator collaborator : recipients) {
      String key = key(submissionId, EmailKind.SUBMISSION.name(), round, collaborator.id());
      boolean sent =
          mailer.sendOnce(
              key,
              () -> {
                String link =
                    links
                        .issue(
                            collaborator,
                            LoginLinks.Purpose.INVITATION,
                            "/portal/jobs/" + job.id() + "#submission-" + submissionId)
                        .url();
                return emails.submission(
                    submission, job, candidate, shown, recruiter, collaborator, link);
              });
      if (sent) {
        timeline.append(
            key, submissionId, "EMAIL_SENT", "system", "to " + collaborator.email(), now());
      }
    }
    submissions.advanceStatus(
        submissionId, SubmissionStatus.SENDING.name(), SubmissionStatus.AWAITING_FEEDBACK.name());
    return recipients.size();
  }

  @Override
  @Transactional
  public void recordDecision(String submissionId, ClientDecision decision) {
    Instant now = now();
    SubmissionStatus status = decision.decision().resultingStatus();
    submissions.recordDecision(
        submissionId,
        status.name(),
        decision.decision().name(),
        decision.collaboratorId(),
        decision.reason(),
        Timestamps.param(now));
    timeline.append(
        key(submissionId, "decision", decision.decision().name()),
        submissionId,
        status.name(),
        decision.actor(),
        decision.reason(),
        now);
  }

  @Override
  public void notifyRecruiter(String submissionId, ClientDecision decision) {
    Submission submission = submission(submissionId);
    Job job = jobs.findById(submission.jobId()).orElseThrow();
    Candidate candidate = candidates.findById(submission.candidateId()).orElseThrow();
    Recruiter recruiter = recruiters.findById(submission.recruiterId()).orElseThrow();
    String key =
        key(
            submissionId,
            EmailKind.RECRUITER_NOTIFICATION.name(),
            decision.decision().name(),
            recruiter.id());
    mailer.sendOnce(
        key, () -> emails.recruiterNotification(submission, job, candidate, recruiter, decision));
    timeline.append(
        key, submissionId, "RECRUITER_NOTIFIED", "system", "email to " + recruiter.email(), now());
  }

  @Override
  @Transactional
  public String movePipelineStage(String submissionId, Decision decision) {
    Submission submission = submission(submissionId);
    String stage =
        switch (decision) {
          case APPROVE -> PipelineStages.APPROVED;
          case REJECT -> PipelineStages.REJECTED;
          case REQUEST_INTERVIEW -> PipelineStages.INTERVIEW;
        };
    String key = key(submissionId, "pipeline", decision.name());
    // The key guards against a replay moving the stage back after a later step moved it on.
    if (timeline.append(key, submissionId, "PIPELINE_UPDATED", "system", stage, now())) {
      pipeline.move(submission.jobId(), submission.candidateId(), stage, now());
    }
    return stage;
  }

  @Override
  public void logJobActivity(String submissionId, ClientDecision decision) {
    Submission submission = submission(submissionId);
    Candidate candidate = candidates.findById(submission.candidateId()).orElseThrow();
    activityLog.append(
        key(submissionId, "activity", decision.decision().name()),
        submission.jobId(),
        submissionId,
        decision.decision().resultingStatus().name(),
        decision.actor(),
        true,
        decision.actor()
            + " "
            + SubmissionEmails.verb(decision.decision())
            + " "
            + candidate.name(),
        now());
  }

  private List<Attachment> publicAttachmentsOf(Submission submission) {
    return submission.attachments().stream()
        .map(a -> attachments.findById(a.attachmentId()).orElseThrow())
        .filter(Attachment::isPublic)
        .toList();
  }

  private Submission submission(String submissionId) {
    return submissions
        .findById(submissionId)
        .orElseThrow(
            () ->
                new IllegalStateException("Submission " + submissionId + " is not committed yet"));
  }

  private Instant now() {
    return clock.instant();
  }

  static String key(String submissionId, Object... parts) {
    StringBuilder key = new StringBuilder("submission-").append(submissionId);
    for (Object part : parts) {
      key.append('/').append(part);
    }
    return key.toString();
  }
}
