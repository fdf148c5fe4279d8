package com.hirepilot.app.submission;

import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.notification.DeliveryPolicy;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.notification.RecruiterInbox;
import com.hirepilot.app.submission.internal.StepKey;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.email.QueuedEmails;
import com.hirepilot.workflows.submission.EmailKind;
import com.hirepilot.workflows.submission.SubmissionEmailActivities;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the submission's emails, one delivery per recipient and round (keys in the interface);
 * each is then delivered by its own activity, built by {@link SubmissionEmailComposer}.
 */
@Component
class SubmissionEmailActivitiesImpl implements SubmissionEmailActivities {

  private final SubmissionContexts contexts;
  private final Submissions submissions;
  private final Mailer mailer;
  private final RecruiterInbox inbox;
  private final SubmissionTimeline timeline;
  private final JobActivityLog activityLog;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final DeliveryPolicy policy;
  private final TransactionTemplate transaction;
  private final SubmissionEmailQueue queue;

  SubmissionEmailActivitiesImpl(
      SubmissionEmailQueue queue,
      SubmissionContexts contexts,
      Submissions submissions,
      Mailer mailer,
      RecruiterInbox inbox,
      SubmissionTimeline timeline,
      JobActivityLog activityLog,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher events,
      DeliveryPolicy policy,
      TransactionTemplate transaction) {
    this.queue = queue;
    this.policy = policy;
    this.transaction = transaction;
    this.contexts = contexts;
    this.submissions = submissions;
    this.mailer = mailer;
    this.inbox = inbox;
    this.timeline = timeline;
    this.activityLog = activityLog;
    this.clock = clock;
    this.events = events;
  }

  // Workflows from before per-recipient delivery call these three: the same deliveries, each
  // attempted here in turn, so their records read like everyone else's.

  @Override
  public int sendSubmissionEmails(String submissionId, int round) {
    QueuedEmails queued = queueSubmissionEmails(submissionId, round);
    mailer.attemptAll(queued.deliveryIds(), attempt());
    roundSent(submissionId, round);
    return queued.count();
  }

  @Override
  public int sendReminders(String submissionId, int round, int step) {
    QueuedEmails queued = queueReminders(submissionId, round, step);
    mailer.attemptAll(queued.deliveryIds(), attempt());
    return queued.count();
  }

  @Override
  public void alertRecruiterNoResponse(String submissionId, int round) {
    mailer.attemptAll(queueNoResponseAlert(submissionId, round).deliveryIds(), attempt());
  }

  private static int attempt() {
    return io.temporal.activity.Activity.getExecutionContext().getInfo().getAttempt();
  }

  @Override
  public QueuedEmails queueSubmissionEmails(String submissionId, int round) {
    return queue.round(submissionId, round);
  }

  @Override
  public void roundSent(String submissionId, int round) {
    // One statement, no read first: this runs in the workflow task that follows every email.
    int changed =
        submissions.roundSent(
            submissionId,
            round,
            Timestamps.param(clock.instant()),
            SubmissionStatus.SENDING.name(),
            SubmissionStatus.AWAITING_FEEDBACK.name());
    if (changed > 0) {
      events.publishEvent(new SubmissionChanged(submissionId));
    }
  }

  @Override
  public QueuedEmails queueReminders(String submissionId, int round, int step) {
    SubmissionContext context = contexts.load(submissionId);
    Submission submission = context.submission();
    // The client may have answered while the timer fired: never remind about a decided candidate.
    if (submission.status() != SubmissionStatus.AWAITING_FEEDBACK
        || submission.emailRound() != round) {
      return policy.toDeliver(List.of());
    }
    QueuedEmails queued =
        transaction.execute(
            tx -> {
              List<String> ids =
                  contexts.recipientsOf(context).stream()
                      .map(
                          collaborator ->
                              mailer.queue(
                                  SubmissionEmailComposer.toCollaborator(
                                      StepKey.reminder(
                                          submissionId, round, step, collaborator.id()),
                                      context,
                                      EmailKind.REMINDER,
                                      collaborator,
                                      Map.of(
                                          SubmissionEmailComposer.ROUND,
                                          String.valueOf(round),
                                          SubmissionEmailComposer.STEP,
                                          String.valueOf(step)))))
                      .toList();
              submissions.recordReminder(submissionId, round, step);
              return policy.toDeliver(ids);
            });
    events.publishEvent(new SubmissionChanged(submissionId));
    return queued;
  }

  @Override
  public QueuedEmails queueNoResponseAlert(String submissionId, int round) {
    SubmissionContext context = contexts.load(submissionId);
    if (context.submission().status() != SubmissionStatus.AWAITING_FEEDBACK) {
      return policy.toDeliver(List.of());
    }
    StepKey key = StepKey.noResponseAlert(submissionId, round, context.recruiter().id());
    QueuedEmails queued =
        transaction.execute(
            tx -> {
              String id =
                  mailer.queue(
                      SubmissionEmailComposer.toRecruiter(
                          key, context, EmailKind.RECRUITER_ALERT, Map.of()));
              recordNoResponseAlert(context, key, round);
              return policy.toDeliver(List.of(id));
            });
    events.publishEvent(new SubmissionChanged(submissionId));
    return queued;
  }

  private void recordNoResponseAlert(SubmissionContext context, StepKey key, int round) {
    String submissionId = context.id();
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
  }
}
