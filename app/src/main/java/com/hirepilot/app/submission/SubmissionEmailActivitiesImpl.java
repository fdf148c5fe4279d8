package com.hirepilot.app.submission;

import com.hirepilot.app.auth.LoginLinks;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.notification.RecruiterInbox;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.app.workspace.ReminderSchedule;
import com.hirepilot.workflows.submission.SubmissionEmailActivities;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Sends the submission's emails, each once per recipient and round (keys in the interface). */
@Component
class SubmissionEmailActivitiesImpl implements SubmissionEmailActivities {

  private final SubmissionContexts contexts;
  private final Submissions submissions;
  private final LoginLinks links;
  private final Mailer mailer;
  private final ClientEmails clientEmails;
  private final RecruiterEmails recruiterEmails;
  private final RecruiterInbox inbox;
  private final SubmissionTimeline timeline;
  private final JobActivityLog activityLog;
  private final SubmissionMetrics metrics;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  SubmissionEmailActivitiesImpl(
      SubmissionContexts contexts,
      Submissions submissions,
      LoginLinks links,
      Mailer mailer,
      ClientEmails clientEmails,
      RecruiterEmails recruiterEmails,
      RecruiterInbox inbox,
      SubmissionTimeline timeline,
      JobActivityLog activityLog,
      SubmissionMetrics metrics,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.contexts = contexts;
    this.submissions = submissions;
    this.links = links;
    this.mailer = mailer;
    this.clientEmails = clientEmails;
    this.recruiterEmails = recruiterEmails;
    this.inbox = inbox;
    this.timeline = timeline;
    this.activityLog = activityLog;
    this.metrics = metrics;
    this.clock = clock;
    this.events = events;
  }

  @Override
  public int sendSubmissionEmails(String submissionId, int round) {
    SubmissionContext context = contexts.load(submissionId);
    if (context.submission().emailRound() > round) {
      return 0; // a resend superseded this round before it went out
    }
    List<Attachment> shown = contexts.publicFilesOf(context);
    List<Collaborator> recipients = contexts.recipientsOf(context);
    for (Collaborator collaborator : recipients) {
      StepKey key = StepKey.submissionEmail(submissionId, round, collaborator.id());
      boolean sent =
          mailer.sendOnce(
              key.value(),
              () ->
                  clientEmails.submission(
                      context, shown, collaborator, portalLink(context, collaborator, key)));
      if (sent) {
        timeline.append(
            key,
            submissionId,
            SubmissionEventType.EMAIL_SENT,
            "system",
            (round > 1 ? "round " + round + " to " : "to ") + collaborator.email(),
            clock.instant());
      }
    }
    submissions.markRoundSent(submissionId, round, Timestamps.param(clock.instant()));
    submissions.advanceStatus(
        submissionId, SubmissionStatus.SENDING.name(), SubmissionStatus.AWAITING_FEEDBACK.name());
    // The status moved after the timeline's lines: pages showing it look again.
    events.publishEvent(new SubmissionChanged(submissionId));
    return recipients.size();
  }

  @Override
  public int sendReminders(String submissionId, int round, int step) {
    SubmissionContext context = contexts.load(submissionId);
    Submission submission = context.submission();
    // The client may have answered while the timer fired: never remind about a decided candidate.
    if (submission.status() != SubmissionStatus.AWAITING_FEEDBACK
        || submission.emailRound() != round) {
      return 0;
    }
    int steps = ReminderSchedule.parse(submission.reminderSchedule()).delays().size();
    List<Collaborator> recipients = contexts.recipientsOf(context);
    for (Collaborator collaborator : recipients) {
      StepKey key = StepKey.reminder(submissionId, round, step, collaborator.id());
      boolean sent =
          mailer.sendOnce(
              key.value(),
              () ->
                  clientEmails.reminder(
                      context, collaborator, portalLink(context, collaborator, key), step, steps));
      if (sent) {
        metrics.reminderSent();
        timeline.append(
            key,
            submissionId,
            SubmissionEventType.REMINDER_SENT,
            "system",
            "reminder " + step + " to " + collaborator.email(),
            clock.instant());
      }
    }
    submissions.recordReminder(submissionId, round, step);
    events.publishEvent(new SubmissionChanged(submissionId));
    return recipients.size();
  }

  @Override
  public void alertRecruiterNoResponse(String submissionId, int round) {
    SubmissionContext context = contexts.load(submissionId);
    if (context.submission().status() != SubmissionStatus.AWAITING_FEEDBACK) {
      return;
    }
    StepKey key = StepKey.noResponseAlert(submissionId, round, context.recruiter().id());
    mailer.sendOnce(
        key.value(),
        () ->
            recruiterEmails.noResponseAlert(
                context, contexts.recipientsOf(context), context.submission().remindersSent()));
    inbox.post(
        key.value(),
        context.submission().workspaceId(),
        context.recruiter().id(),
        submissionId,
        "NO_RESPONSE",
        "No response yet on " + context.candidate().name() + " for " + context.job().title(),
        clock.instant());
    timeline.append(
        key,
        submissionId,
        SubmissionEventType.RECRUITER_ALERTED_NO_RESPONSE,
        "system",
        "email to " + context.recruiter().email(),
        clock.instant());
    activityLog.append(
        StepKey.noResponseActivity(submissionId, round).value(),
        context.job().id(),
        submissionId,
        SubmissionEventType.RECRUITER_ALERTED_NO_RESPONSE,
        "system",
        false,
        "No response on " + context.candidate().name() + " after every reminder",
        clock.instant());
    submissions.markRecruiterAlerted(submissionId, round);
    events.publishEvent(new SubmissionChanged(submissionId));
  }

  /**
   * A new sign-in link for the recipient, opening the portal at this candidate. Bound to the
   * email's key: a retry after a failed send replaces the link of the attempt that never arrived.
   */
  private String portalLink(SubmissionContext context, Collaborator collaborator, StepKey email) {
    return links
        .issue(
            collaborator,
            LoginLinks.Purpose.INVITATION,
            "/portal/submissions/" + context.id(),
            email.value())
        .url();
  }
}
