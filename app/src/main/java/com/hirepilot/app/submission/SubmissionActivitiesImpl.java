package com.hirepilot.app.submission;

import com.hirepilot.app.auth.LoginLinks;
import com.hirepilot.app.automation.AutomationEngine;
import com.hirepilot.app.automation.LifecycleEventOccurred;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Attachments;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.Candidates;
import com.hirepilot.app.deal.DealService;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.job.Jobs;
import com.hirepilot.app.notification.EmailKind;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.notification.RecruiterInbox;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.app.workspace.Recruiters;
import com.hirepilot.app.workspace.ReminderSchedule;
import com.hirepilot.workflows.submission.AutomationTrigger;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.RecruiterAction;
import com.hirepilot.workflows.submission.SubmissionActivities;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final RecruiterInbox inbox;
  private final SubmissionEmails emails;
  private final SubmissionTimeline timeline;
  private final SubmissionComments comments;
  private final PipelineStages pipeline;
  private final JobActivityLog activityLog;
  private final DealService deals;
  private final AutomationEngine automation;
  private final JdbcClient jdbc;
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
      RecruiterInbox inbox,
      SubmissionEmails emails,
      SubmissionTimeline timeline,
      SubmissionComments comments,
      PipelineStages pipeline,
      JobActivityLog activityLog,
      DealService deals,
      AutomationEngine automation,
      JdbcClient jdbc,
      Clock clock) {
    this.submissions = submissions;
    this.jobs = jobs;
    this.jobService = jobService;
    this.candidates = candidates;
    this.attachments = attachments;
    this.recruiters = recruiters;
    this.links = links;
    this.mailer = mailer;
    this.inbox = inbox;
    this.emails = emails;
    this.timeline = timeline;
    this.comments = comments;
    this.pipeline = pipeline;
    this.activityLog = activityLog;
    this.deals = deals;
    this.automation = automation;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public int sendSubmissionEmails(String submissionId, int round) {
    Submission submission = submission(submissionId);
    if (submission.emailRound() > round) {
      return 0; // a resend superseded this round before it went out
    }
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
              () ->
                  emails.submission(
                      submission,
                      job,
                      candidate,
                      shown,
                      recruiter,
                      collaborator,
                      portalLink(collaborator, job, submissionId)));
      if (sent) {
        timeline.append(
            key,
            submissionId,
            "EMAIL_SENT",
            "system",
            (round > 1 ? "round " + round + " to " : "to ") + collaborator.email(),
            now());
      }
    }
    submissions.markRoundSent(submissionId, round, Timestamps.param(now()));
    submissions.advanceStatus(
        submissionId, SubmissionStatus.SENDING.name(), SubmissionStatus.AWAITING_FEEDBACK.name());
    return recipients.size();
  }

  @Override
  public int sendReminders(String submissionId, int round, int step) {
    Submission submission = submission(submissionId);
    // The client may have answered while the timer fired: never remind about a decided candidate.
    if (submission.status() != SubmissionStatus.AWAITING_FEEDBACK
        || submission.emailRound() != round) {
      return 0;
    }
    Job job = jobs.findById(submission.jobId()).orElseThrow();
    Candidate candidate = candidates.findById(submission.candidateId()).orElseThrow();
    Recruiter recruiter = recruiters.findById(submission.recruiterId()).orElseThrow();
    int steps = ReminderSchedule.parse(submission.reminderSchedule()).delays().size();
    List<Collaborator> recipients = jobService.activeCollaboratorsOf(job.id());
    for (Collaborator collaborator : recipients) {
      String key = key(submissionId, EmailKind.REMINDER.name(), round, step, collaborator.id());
      boolean sent =
          mailer.sendOnce(
              key,
              () ->
                  emails.reminder(
                      submission,
                      job,
                      candidate,
                      recruiter,
                      collaborator,
                      portalLink(collaborator, job, submissionId),
                      step,
                      steps));
      if (sent) {
        timeline.append(
            key,
            submissionId,
            "REMINDER_SENT",
            "system",
            "reminder " + step + " to " + collaborator.email(),
            now());
      }
    }
    submissions.recordReminder(submissionId, round, step);
    return recipients.size();
  }

  @Override
  public void alertRecruiterNoResponse(String submissionId, int round) {
    Submission submission = submission(submissionId);
    if (submission.status() != SubmissionStatus.AWAITING_FEEDBACK) {
      return;
    }
    Job job = jobs.findById(submission.jobId()).orElseThrow();
    Candidate candidate = candidates.findById(submission.candidateId()).orElseThrow();
    Recruiter recruiter = recruiters.findById(submission.recruiterId()).orElseThrow();
    String key = key(submissionId, "NO_RESPONSE", round, recruiter.id());
    mailer.sendOnce(
        key,
        () ->
            emails.noResponseAlert(
                submission,
                job,
                candidate,
                recruiter,
                jobService.activeCollaboratorsOf(job.id()),
                submission.remindersSent()));
    inbox.post(
        key,
        submission.workspaceId(),
        recruiter.id(),
        submissionId,
        "NO_RESPONSE",
        "No response yet on " + candidate.name() + " for " + job.title(),
        now());
    timeline.append(
        key,
        submissionId,
        "RECRUITER_ALERTED_NO_RESPONSE",
        "system",
        "email to " + recruiter.email(),
        now());
    activityLog.append(
        key(submissionId, "activity", "NO_RESPONSE", round),
        job.id(),
        submissionId,
        "RECRUITER_ALERTED_NO_RESPONSE",
        "system",
        false,
        "No response on " + candidate.name() + " after every reminder",
        now());
    submissions.markRecruiterAlerted(submissionId, round);
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
        decision.availability(),
        Timestamps.param(now));
    timeline.append(
        key(submissionId, "decision", decision.decision().name()),
        submissionId,
        status.name(),
        decision.actor(),
        decisionDetail(decision),
        now);
  }

  /** The client's note and, for an interview, their availability, as the thread shows them. */
  private static String decisionDetail(ClientDecision decision) {
    String reason = blankToNull(decision.reason());
    String availability = blankToNull(decision.availability());
    if (availability == null) {
      return reason;
    }
    String slots = "Available: " + availability;
    return reason == null ? slots : reason + "\n" + slots;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
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
    inbox.post(
        key,
        submission.workspaceId(),
        recruiter.id(),
        submissionId,
        "DECISION",
        decision.actor()
            + " "
            + SubmissionEmails.verb(decision.decision())
            + " "
            + candidate.name()
            + " for "
            + job.title(),
        now());
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

  @Override
  @Transactional
  public String updateDeal(String submissionId, Decision decision) {
    Submission submission = submission(submissionId);
    Optional<String> stage = deals.stageAfter(submission.jobId(), decision);
    if (stage.isEmpty()) {
      return null;
    }
    String key = key(submissionId, "deal", decision.name());
    if (timeline.append(key, submissionId, "DEAL_UPDATED", "system", stage.get(), now())) {
      deals.follow(submission.jobId(), decision);
    }
    return stage.get();
  }

  @Override
  public void handToAutomation(String submissionId, AutomationTrigger trigger, String occurrence) {
    Submission submission = submission(submissionId);
    automation.handle(
        new LifecycleEventOccurred(
            key(submissionId, "automation", trigger.name(), occurrence),
            trigger,
            submission.workspaceId(),
            submission.jobId(),
            submissionId,
            submission.candidateId(),
            now()));
  }

  @Override
  @Transactional
  public void recordWithdrawal(String submissionId, RecruiterAction withdrawal) {
    Submission submission = submission(submissionId);
    Candidate candidate = candidates.findById(submission.candidateId()).orElseThrow();
    Instant now = now();
    submissions.recordWithdrawal(submissionId, withdrawal.recruiterId(), Timestamps.param(now));
    String key = key(submissionId, "withdrawal");
    if (timeline.append(key, submissionId, "WITHDRAWN", withdrawal.actor(), null, now)) {
      pipeline.move(submission.jobId(), submission.candidateId(), PipelineStages.WITHDRAWN, now);
    }
    // Internal only: the client simply stops seeing the candidate.
    activityLog.append(
        key(submissionId, "activity", "WITHDRAWN"),
        submission.jobId(),
        submissionId,
        "WITHDRAWN",
        withdrawal.actor(),
        false,
        withdrawal.actor() + " withdrew " + candidate.name(),
        now);
  }

  @Override
  @Transactional
  public void prepareResend(
      String submissionId, int round, String actor, List<String> attachmentIds, String message) {
    Submission submission = submission(submissionId);
    if (submissions.startRound(submissionId, round, message) == 0) {
      return; // this round was prepared before
    }
    if (attachmentIds != null) {
      jdbc.sql("delete from submitted_attachment where submission = ?")
          .param(submissionId)
          .update();
      for (String attachmentId : attachmentIds) {
        jdbc.sql("insert into submitted_attachment (submission, attachment_id) values (?, ?)")
            .params(submissionId, attachmentId)
            .update();
      }
    }
    Candidate candidate = candidates.findById(submission.candidateId()).orElseThrow();
    timeline.append(
        key(submissionId, "resend", round),
        submissionId,
        "RESENT",
        actor,
        attachmentIds == null ? "round " + round : "round " + round + " with updated files",
        now());
    activityLog.append(
        key(submissionId, "activity", "RESENT", round),
        submission.jobId(),
        submissionId,
        "RESENT",
        actor,
        true,
        "The submission of " + candidate.name() + " was updated and sent again",
        now());
  }

  @Override
  public void notifyRecruiterOfComment(String submissionId, String commentId) {
    Submission submission = submission(submissionId);
    SubmissionComments.Comment comment = comments.find(commentId).orElseThrow();
    Job job = jobs.findById(submission.jobId()).orElseThrow();
    Candidate candidate = candidates.findById(submission.candidateId()).orElseThrow();
    Recruiter recruiter = recruiters.findById(submission.recruiterId()).orElseThrow();
    String key = key(submissionId, "COMMENT", commentId);
    mailer.sendOnce(
        key, () -> emails.commentNotification(submission, job, candidate, recruiter, comment));
    inbox.post(
        key,
        submission.workspaceId(),
        recruiter.id(),
        submissionId,
        "COMMENT",
        comment.author() + " commented on " + candidate.name() + ": " + comment.body(),
        now());
    comments.markNotified(commentId, now());
  }

  @Override
  public void settle(String submissionId) {
    submissions.settle(submissionId, Timestamps.param(now()));
  }

  private String portalLink(Collaborator collaborator, Job job, String submissionId) {
    return links
        .issue(
            collaborator,
            LoginLinks.Purpose.INVITATION,
            "/portal/jobs/" + job.id() + "#submission-" + submissionId)
        .url();
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
