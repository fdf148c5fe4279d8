package com.hirepilot.workflows.submission;

import com.hirepilot.workflows.email.Deliveries;
import com.hirepilot.workflows.email.QueuedEmails;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The submission lifecycle: send, remind while the client is silent, take the client's decision (or
 * the recruiter's withdrawal), then notify the recruiter, move the pipeline stage, log the job's
 * activity, update the deal and hand the event to automation. All I/O happens in the activities
 * ({@link SubmissionEmailActivities}, {@link SubmissionOutcomeActivities}, {@link
 * SubmissionFollowUpActivities}); this class only decides what happens next, deterministically.
 */
public class SubmissionWorkflowImpl implements SubmissionWorkflow {

  private static final Logger log = Workflow.getLogger(SubmissionWorkflowImpl.class);

  /** Generous enough for a slow SMTP relay; a hung call is retried rather than waited on. */
  private static final Duration ACTIVITY_TIMEOUT = Duration.ofMinutes(1);

  /** Retries back off to once a minute and never give up: a mail outage must not lose mail. */
  private static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  /**
   * Workflows started before reminders, resends, withdrawals, comments, deals and automation
   * existed took the decision's first three follow-ups and nothing else; their histories must
   * replay unchanged, so the newer steps run only from this version on.
   */
  static final String LIFECYCLE_CHANGE = "full-lifecycle";

  static final int FULL_LIFECYCLE = 1;

  /** From this version on, {@link CommentDigestWorkflow} emails the recruiter about comments. */
  static final String COMMENT_DIGEST_CHANGE = "comment-digest";

  static final int COMMENT_DIGEST = 1;

  /**
   * From this version on, each email goes to each recipient in its own activity ({@link
   * Deliveries}): one slow recipient never holds up another, and a delivery Temporal gives up on is
   * recorded as failed instead of being retried for ever.
   */
  static final String PER_RECIPIENT_EMAIL_CHANGE = "per-recipient-email";

  static final int PER_RECIPIENT_EMAIL = 1;

  /**
   * From this version on, the client's email is the workflow's first activity and the bookkeeping
   * around emails runs in the worker: the first round comes queued with the request ({@link
   * SubmissionRequest#firstRound}), and recording rounds, reminders and alerts are local
   * activities. Each remote activity costs the server a task, a poll and a workflow task; these are
   * short writes to our own database, retried like any activity. The automation hand-over stayed
   * remote here, for fear a slow one would hold up the client's next decision; {@link
   * #LOCAL_HAND_OVER_CHANGE} bounds it instead.
   */
  static final String QUICK_ROUND_CHANGE = "quick-round";

  static final int QUICK_ROUND = 1;

  /**
   * From this version on, the hand-over of {@code SUBMISSION_SENT} runs in the worker, in the
   * workflow task that marks the round sent. As a remote activity it cost the server a task, a poll
   * and a workflow task of its own on every submission's way to its first wait (issue 22). The
   * hand-over reads the workspace's rules and, when one matches, starts its run; its attempts are
   * bounded ({@link #LOCAL_HAND_OVER_STEP}), so a client's decision arriving meanwhile waits at
   * most that long, and then the submission moves on without automation, as before. The later
   * hand-overs stay remote: they come just before the workflow settles, and a recruiter's or
   * client's action arriving during one must still be answered (refused as a conflict) rather than
   * find the workflow closed.
   */
  static final String LOCAL_HAND_OVER_CHANGE = "local-hand-over";

  static final int LOCAL_HAND_OVER = 1;

  private static final SearchAttributeKey<String> STATUS_KEY =
      SearchAttributeKey.forKeyword(STATUS_SEARCH_ATTRIBUTE);

  /**
   * Automation is a hand-over, not a step of the lifecycle: a few quick attempts, then the
   * submission moves on without it. Rules that fail are the automation engine's to report.
   */
  private static final RetryOptions AUTOMATION_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofSeconds(10))
          .setMaximumAttempts(5)
          .build();

  private static final ActivityOptions LIFECYCLE_STEP =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(ACTIVITY_TIMEOUT)
          .setRetryOptions(RETRY)
          .build();

  /**
   * In the worker, retried as {@link #LIFECYCLE_STEP} is. The SDK retries a local activity only
   * within its schedule-to-close timeout, and not at all without one (the first failure would fail
   * the workflow), so it is set, long enough to outlast any outage of our own database.
   */
  private static final LocalActivityOptions LOCAL_LIFECYCLE_STEP =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(ACTIVITY_TIMEOUT)
          .setScheduleToCloseTimeout(Duration.ofDays(30))
          .setRetryOptions(RETRY)
          .build();

  /**
   * The hand-over in the worker: {@link #AUTOMATION_RETRY}'s attempts, each cut at 10 seconds, and
   * all of them at 30, the longest the hand-over may hold the workflow's next step.
   */
  private static final LocalActivityOptions LOCAL_HAND_OVER_STEP =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(AUTOMATION_RETRY)
          .build();

  private SubmissionEmailActivities emails =
      Workflow.newActivityStub(SubmissionEmailActivities.class, LIFECYCLE_STEP);

  private final SubmissionOutcomeActivities outcomes =
      Workflow.newActivityStub(SubmissionOutcomeActivities.class, LIFECYCLE_STEP);

  private final SubmissionFollowUpActivities followUps =
      Workflow.newActivityStub(SubmissionFollowUpActivities.class, LIFECYCLE_STEP);

  private final SubmissionFollowUpActivities automation =
      Workflow.newActivityStub(
          SubmissionFollowUpActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(AUTOMATION_RETRY)
              .build());

  /** Who takes the {@code SUBMISSION_SENT} hand-over: the worker from {@link #LOCAL_HAND_OVER}. */
  private SubmissionFollowUpActivities sentHandOver = automation;

  /**
   * Decisions, withdrawals and resends are applied one at a time, in the order they were accepted:
   * an interview request still being recorded when an approval arrives must not land after it.
   */
  private final WorkflowLock outcomeLock = Workflow.newWorkflowLock();

  private String submissionId;
  private boolean fullLifecycle;
  private boolean indexStatus;
  private boolean perRecipientEmail;
  private QueuedEmails firstRoundQueued;

  /**
   * Emails still being delivered that nothing waits for (reminders, the recruiter's notices): the
   * lifecycle moves on meanwhile, and the workflow closes only once they are settled.
   */
  private final List<Promise<Integer>> deliveriesUnderWay = new ArrayList<>();

  private List<Duration> reminderSchedule = List.of();

  private SubmissionStatus status = SubmissionStatus.SENDING;
  private PipelineStage stage;

  /**
   * The outcome claimed by the handler that is recording it: set before the recording activity
   * yields, so a conflicting Update arriving meanwhile already fails validation.
   */
  private SubmissionStatus claimed;

  private ClientDecision currentDecision;
  private final List<ClientDecision> decisionsToFollowUp = new ArrayList<>();
  private boolean withdrawalToFollowUp;
  private final List<ClientComment> commentsToPassOn = new ArrayList<>();

  private int round = 1;
  private Instant roundSentAt;
  private int reminderStep;
  private int remindersSent;
  private boolean recruiterAlerted;
  private Instant nextReminderAt;

  /** What this run did, for its query; the durable history is the database's. */
  private final List<TimelineEntry> runTimeline = new ArrayList<>();

  private final List<EmailSend> runEmails = new ArrayList<>();

  @Override
  public SubmissionStatus run(SubmissionRequest request) {
    submissionId = request.submissionId();
    fullLifecycle =
        Workflow.getVersion(LIFECYCLE_CHANGE, Workflow.DEFAULT_VERSION, FULL_LIFECYCLE)
            >= FULL_LIFECYCLE;
    perRecipientEmail =
        Workflow.getVersion(
                PER_RECIPIENT_EMAIL_CHANGE, Workflow.DEFAULT_VERSION, PER_RECIPIENT_EMAIL)
            >= PER_RECIPIENT_EMAIL;
    if (Workflow.getVersion(QUICK_ROUND_CHANGE, Workflow.DEFAULT_VERSION, QUICK_ROUND)
        >= QUICK_ROUND) {
      emails = Workflow.newLocalActivityStub(SubmissionEmailActivities.class, LOCAL_LIFECYCLE_STEP);
      firstRoundQueued = request.firstRound();
    }
    if (Workflow.getVersion(LOCAL_HAND_OVER_CHANGE, Workflow.DEFAULT_VERSION, LOCAL_HAND_OVER)
        >= LOCAL_HAND_OVER) {
      sentHandOver =
          Workflow.newLocalActivityStub(SubmissionFollowUpActivities.class, LOCAL_HAND_OVER_STEP);
    }
    if (fullLifecycle) {
      indexStatus = request.indexStatus();
      if (request.reminderSchedule() != null) {
        reminderSchedule = List.copyOf(request.reminderSchedule());
      }
    }
    if (request.resumeFrom() == null) {
      record(SubmissionEventType.SUBMITTED, "recruiter", null);
    } else {
      resume(request.resumeFrom());
    }
    indexStatus();

    while (true) {
      if (!decisionsToFollowUp.isEmpty()) {
        ClientDecision decision = decisionsToFollowUp.remove(0);
        followUp(decision);
        if (decision.decision().isFinal()) {
          return finish();
        }
        continue;
      }
      // After any interview request's follow-ups: a withdrawal may come while they run.
      if (withdrawalToFollowUp) {
        handToAutomation(AutomationTrigger.WITHDRAWN, "1");
        return finish();
      }
      if (!commentsToPassOn.isEmpty()) {
        passOn(commentsToPassOn.remove(0));
        continue;
      }
      if (roundSentAt == null) {
        sendRound();
        continue;
      }
      if (alertDue()) {
        alertRecruiter();
        continue;
      }
      Instant due = nextReminderDue();
      nextReminderAt = due;
      if (due == null) {
        Workflow.await(this::hasWork);
        continue;
      }
      Duration wait = Duration.between(now(), due);
      if (wait.isNegative() || wait.isZero() || !Workflow.await(wait, this::hasWork)) {
        remind();
      }
    }
  }

  /** Carries on from what the database recorded; only the steps not yet taken are taken. */
  private void resume(SubmissionProgress progress) {
    round = progress.round();
    roundSentAt = progress.roundSentAt();
    reminderStep = progress.reminderStep();
    remindersSent = progress.remindersSent();
    recruiterAlerted = progress.recruiterAlerted();
    if (roundSentAt != null) {
      status = SubmissionStatus.AWAITING_FEEDBACK;
    }
    if (progress.decision() != null) {
      currentDecision = progress.decision();
      status = currentDecision.decision().resultingStatus();
      claimed = status;
      // Its follow-ups may not all have run before the restart; each one is idempotent.
      decisionsToFollowUp.add(currentDecision);
    }
    if (progress.withdrawal() != null) {
      status = SubmissionStatus.WITHDRAWN;
      stage = PipelineStage.WITHDRAWN;
      claimed = status;
      withdrawalToFollowUp = true;
    }
    if (progress.unnotifiedCommentIds() != null) {
      for (String commentId : progress.unnotifiedCommentIds()) {
        commentsToPassOn.add(new ClientComment(commentId, null, "client"));
      }
    }
    record(
        SubmissionEventType.RESUMED,
        "system",
        "round " + round + ", " + remindersSent + " reminder(s) sent");
  }

  private boolean hasWork() {
    return withdrawalToFollowUp
        || !decisionsToFollowUp.isEmpty()
        || !commentsToPassOn.isEmpty()
        || roundSentAt == null;
  }

  private void sendRound() {
    int sentRound = round;
    int recipients;
    if (perRecipientEmail) {
      // The round counts as sent once every recipient's email is settled, sent or given up.
      QueuedEmails queued = queuedRound(sentRound);
      Deliveries.deliverAll(queued);
      emails.roundSent(submissionId, sentRound);
      recipients = queued.count();
    } else {
      recipients = emails.sendSubmissionEmails(submissionId, sentRound);
    }
    // A resend accepted while this round was going out starts another round: keep waiting for it.
    if (sentRound != round) {
      return;
    }
    roundSentAt = now();
    runEmails.add(new EmailSend(EmailKind.SUBMISSION, sentRound, 0, recipients, roundSentAt));
    record(
        SubmissionEventType.EMAIL_SENT,
        "system",
        "round " + sentRound + " to " + recipients + " collaborator(s)");
    if (status == SubmissionStatus.SENDING) {
      setStatus(SubmissionStatus.AWAITING_FEEDBACK);
    }
    if (fullLifecycle && sentRound == 1) {
      handToAutomation(sentHandOver, AutomationTrigger.SUBMISSION_SENT, "1");
    }
  }

  /**
   * The round's deliveries: the first round's came with the request; any other is recorded now. A
   * first round a resend overtook before it went out is still handed over, so that each of its
   * deliveries is settled (cancelled) rather than left queued.
   */
  private QueuedEmails queuedRound(int sentRound) {
    QueuedEmails prequeued = firstRoundQueued;
    firstRoundQueued = null;
    if (prequeued != null && sentRound == 1) {
      return prequeued;
    }
    if (prequeued != null) {
      Deliveries.deliverAll(prequeued);
    }
    return emails.queueSubmissionEmails(submissionId, sentRound);
  }

  /** The next deadline of the current round's schedule, or null when no reminder is due. */
  private Instant nextReminderDue() {
    if (!fullLifecycle
        || status != SubmissionStatus.AWAITING_FEEDBACK
        || claimed != null
        || roundSentAt == null
        || reminderStep >= reminderSchedule.size()) {
      return null;
    }
    return roundSentAt.plus(reminderSchedule.get(reminderStep));
  }

  /**
   * Sends the reminder for the latest deadline passed. After downtime several may have passed at
   * once; the client then gets one reminder, not a burst of them.
   */
  private void remind() {
    if (claimed != null) {
      return; // a decision or withdrawal is being recorded: the client is not to be reminded
    }
    Instant now = now();
    int step = reminderStep;
    while (step < reminderSchedule.size()
        && !roundSentAt.plus(reminderSchedule.get(step)).isAfter(now)) {
      step++;
    }
    int remindedRound = round;
    int recipients;
    if (perRecipientEmail) {
      QueuedEmails queued = emails.queueReminders(submissionId, remindedRound, step);
      deliverInBackground(queued);
      recipients = queued.count();
    } else {
      recipients = emails.sendReminders(submissionId, remindedRound, step);
    }
    if (remindedRound != round) {
      return; // a resend started a new round meanwhile; its schedule starts over
    }
    reminderStep = step;
    remindersSent++;
    runEmails.add(new EmailSend(EmailKind.REMINDER, round, step, recipients, now()));
    record(
        SubmissionEventType.REMINDER_SENT,
        "system",
        "reminder " + step + " to " + recipients + " collaborator(s)");
    if (alertDue()) {
      alertRecruiter();
    }
  }

  /**
   * The last reminder went out and the recruiter has not heard yet: normally right after that
   * reminder, or after a restart that came between the two.
   */
  private boolean alertDue() {
    return fullLifecycle
        && status == SubmissionStatus.AWAITING_FEEDBACK
        && claimed == null
        && !reminderSchedule.isEmpty()
        && reminderStep >= reminderSchedule.size()
        && !recruiterAlerted;
  }

  private void alertRecruiter() {
    if (perRecipientEmail) {
      // "No response after every reminder" holds once the last reminder is out (or given up):
      // the alert never overtakes the reminder it follows.
      Promise.allOf(deliveriesUnderWay).get();
      if (!alertDue()) {
        return; // the client answered while the reminder was going out
      }
      deliverInBackground(emails.queueNoResponseAlert(submissionId, round));
    } else {
      emails.alertRecruiterNoResponse(submissionId, round);
    }
    recruiterAlerted = true;
    nextReminderAt = null;
    runEmails.add(new EmailSend(EmailKind.RECRUITER_ALERT, round, 0, 1, now()));
    record(
        SubmissionEventType.RECRUITER_ALERTED_NO_RESPONSE,
        "system",
        "after " + reminderStep + " reminder(s)");
    handToAutomation(AutomationTrigger.NO_RESPONSE, String.valueOf(round));
  }

  private SubmissionStatus finish() {
    // Comments and Updates that arrived meanwhile get their answer before the workflow closes.
    Workflow.await(Workflow::isEveryHandlerFinished);
    while (fullLifecycle && !commentsToPassOn.isEmpty()) {
      passOn(commentsToPassOn.remove(0));
    }
    if (fullLifecycle) {
      outcomes.settle(submissionId);
      // A comment signalled while settling: the app stops signalling once it sees the settle.
      while (!commentsToPassOn.isEmpty()) {
        passOn(commentsToPassOn.remove(0));
      }
    }
    nextReminderAt = null;
    Promise.allOf(deliveriesUnderWay).get();
    return status;
  }

  private void deliverInBackground(QueuedEmails queued) {
    if (queued.count() > 0) {
      deliveriesUnderWay.add(Async.function(() -> Deliveries.deliverAll(queued)));
    }
  }

  @Override
  public void validateDecide(ClientDecision decision) {
    if (decision == null || decision.decision() == null) {
      throw new IllegalArgumentException("A decision is required");
    }
    if (conflictsWithFinal(decision.decision().resultingStatus())) {
      throw conflict();
    }
  }

  @Override
  public DecisionReceipt decide(ClientDecision decision) {
    outcomeLock.lock();
    try {
      if (currentDecision != null && currentDecision.decision() == decision.decision()) {
        return new DecisionReceipt(status, false);
      }
      // Accepted while an earlier final outcome was still being recorded: refuse it now.
      if (conflictsWithFinal(decision.decision().resultingStatus())) {
        throw conflict();
      }
      claimed = decision.decision().resultingStatus();
      currentDecision = decision;
      nextReminderAt = null;
      outcomes.recordDecision(submissionId, decision);
      setStatus(claimed);
      record(SubmissionEventType.of(decision.decision()), decision.actor(), decision.reason());
      decisionsToFollowUp.add(decision);
      return new DecisionReceipt(status, true);
    } finally {
      outcomeLock.unlock();
    }
  }

  @Override
  public void validateWithdraw(RecruiterAction withdrawal) {
    if (conflictsWithFinal(SubmissionStatus.WITHDRAWN)) {
      throw conflict();
    }
  }

  @Override
  public ActionReceipt withdraw(RecruiterAction withdrawal) {
    outcomeLock.lock();
    try {
      if (claimed == SubmissionStatus.WITHDRAWN) {
        return new ActionReceipt(status, round, false);
      }
      if (conflictsWithFinal(SubmissionStatus.WITHDRAWN)) {
        throw conflict();
      }
      claimed = SubmissionStatus.WITHDRAWN;
      outcomes.recordWithdrawal(submissionId, withdrawal);
      setStatus(SubmissionStatus.WITHDRAWN);
      stage = PipelineStage.WITHDRAWN;
      nextReminderAt = null;
      record(SubmissionEventType.WITHDRAWN, withdrawal.actor(), null);
      withdrawalToFollowUp = true;
      return new ActionReceipt(status, round, true);
    } finally {
      outcomeLock.unlock();
    }
  }

  @Override
  public void validateResend(Resend resend) {
    if (resend == null) {
      throw new IllegalArgumentException("A resend is required");
    }
    if (claimed != null && claimed.isFinal()) {
      throw SubmissionConflict.failure(SubmissionConflict.nothingToResend(claimed));
    }
  }

  @Override
  public ActionReceipt resend(Resend resend) {
    outcomeLock.lock();
    try {
      if (claimed != null && claimed.isFinal()) {
        throw SubmissionConflict.failure(SubmissionConflict.nothingToResend(claimed));
      }
      int next = round + 1;
      outcomes.prepareResend(
          submissionId, next, resend.actor(), resend.attachmentIds(), resend.message());
      round = next;
      roundSentAt = null;
      reminderStep = 0;
      recruiterAlerted = false;
      nextReminderAt = null;
      record(SubmissionEventType.RESENT, resend.actor(), "round " + next);
      return new ActionReceipt(status, round, true);
    } finally {
      outcomeLock.unlock();
    }
  }

  @Override
  public void comment(ClientComment comment) {
    if (comment != null && comment.commentId() != null) {
      commentsToPassOn.add(comment);
    }
  }

  private void passOn(ClientComment comment) {
    // The recruiter's email now comes from the comment's digest workflow (one email per burst,
    // also after the lifecycle closed); histories from before it still email each comment here.
    if (Workflow.getVersion(COMMENT_DIGEST_CHANGE, Workflow.DEFAULT_VERSION, COMMENT_DIGEST)
        == Workflow.DEFAULT_VERSION) {
      followUps.notifyRecruiterOfComment(submissionId, comment.commentId());
    }
    record(SubmissionEventType.COMMENTED, comment.actor(), null);
    handToAutomation(AutomationTrigger.COMMENTED, comment.commentId());
  }

  private boolean conflictsWithFinal(SubmissionStatus wanted) {
    return claimed != null && claimed.isFinal() && claimed != wanted;
  }

  /** Worded from the outcome claimed, which is set before its status is recorded. */
  private RuntimeException conflict() {
    return SubmissionConflict.failure(SubmissionConflict.alreadyFinal(claimed));
  }

  /** What every decision sets off once it is on record. */
  private void followUp(ClientDecision decision) {
    if (perRecipientEmail) {
      deliverInBackground(followUps.queueRecruiterNotification(submissionId, decision));
    } else {
      followUps.notifyRecruiter(submissionId, decision);
    }
    record(SubmissionEventType.RECRUITER_NOTIFIED, "system", decision.decision().name());
    stage = followUps.movePipelineStage(submissionId, decision.decision());
    record(SubmissionEventType.PIPELINE_UPDATED, "system", stage == null ? null : stage.name());
    followUps.logJobActivity(submissionId, decision);
    if (fullLifecycle) {
      String dealStage = followUps.updateDeal(submissionId, decision.decision());
      if (dealStage != null) {
        record(SubmissionEventType.DEAL_UPDATED, "system", dealStage);
      }
      handToAutomation(AutomationTrigger.of(decision.decision()), decision.decision().name());
    }
  }

  /**
   * Automation gets the event but cannot hold the lifecycle up: once its attempts are used up, the
   * submission carries on and the failure is only logged.
   */
  private void handToAutomation(AutomationTrigger trigger, String occurrence) {
    handToAutomation(automation, trigger, occurrence);
  }

  private void handToAutomation(
      SubmissionFollowUpActivities by, AutomationTrigger trigger, String occurrence) {
    try {
      by.handToAutomation(submissionId, trigger, occurrence);
    } catch (ActivityFailure e) {
      log.warn(
          "Automation did not take {} of submission {}: {}", trigger, submissionId, e.getMessage());
    }
  }

  private void setStatus(SubmissionStatus next) {
    status = next;
    indexStatus();
  }

  private void indexStatus() {
    if (indexStatus) {
      Workflow.upsertTypedSearchAttributes(STATUS_KEY.valueSet(status.name()));
    }
  }

  @Override
  public SubmissionSnapshot snapshot() {
    return new SubmissionSnapshot(
        status,
        stage,
        currentDecision == null ? null : currentDecision.decision(),
        remindersSent,
        nextReminderAt,
        round,
        recruiterAlerted,
        List.copyOf(runTimeline),
        List.copyOf(runEmails));
  }

  private Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private void record(SubmissionEventType type, String actor, String detail) {
    runTimeline.add(new TimelineEntry(now(), type, actor, detail));
  }
}
