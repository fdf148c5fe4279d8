package com.hirepilot.workflows.submission;

import com.hirepilot.workflows.email.Deliveries;
import com.hirepilot.workflows.email.EmailDeliveryActivities;
import com.hirepilot.workflows.email.QueuedEmails;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the app's activities: remembers every call in order, sends "emails" once per
 * idempotency key as the real mailer does, and can fail or hold a call on demand. Activities run on
 * the worker's threads, so everything here is thread-safe.
 */
final class RecordingActivities
    implements SubmissionEmailActivities,
        SubmissionOutcomeActivities,
        SubmissionFollowUpActivities,
        EmailDeliveryActivities {

  /** Only a safety net so a broken test cannot hang the worker; tests release long before. */
  private static final long HOLD_LIMIT_SECONDS = 30;

  /** The job's active client collaborators: every submission email and reminder goes to each. */
  static final List<String> COLLABORATORS = List.of("collab-1", "collab-2");

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<String> emails = new CopyOnWriteArrayList<>();
  private final Set<String> sentKeys = ConcurrentHashMap.newKeySet();
  private final List<Integer> emailAttempts = new CopyOnWriteArrayList<>();
  private final List<String> deliveryAttempts = new CopyOnWriteArrayList<>();
  private final List<String> givenUp = new CopyOnWriteArrayList<>();
  private final Set<String> refusedRecipients = ConcurrentHashMap.newKeySet();
  private final AtomicInteger emailFailuresLeft = new AtomicInteger();
  private volatile boolean failAfterSending;
  private volatile String dealStage;
  private final CountDownLatch recruiterNotificationStarted = new CountDownLatch(1);
  private volatile CountDownLatch recruiterNotificationGate = new CountDownLatch(0);
  private volatile Decision heldRecording;
  private final CountDownLatch recordingStarted = new CountDownLatch(1);
  private final CountDownLatch recordingGate = new CountDownLatch(1);
  private volatile AutomationTrigger heldTrigger;
  private volatile boolean automationBroken;
  private final CountDownLatch automationStarted = new CountDownLatch(1);
  private final CountDownLatch automationGate = new CountDownLatch(1);

  /** Keeps {@link #recordDecision} of this decision running until released. */
  void holdRecordingOf(Decision decision) {
    heldRecording = decision;
  }

  boolean recordingStarted() throws InterruptedException {
    return recordingStarted.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
  }

  void releaseRecording() {
    recordingGate.countDown();
  }

  /** Keeps the hand-over of this trigger to automation running until released. */
  void holdAutomationOf(AutomationTrigger trigger) {
    heldTrigger = trigger;
  }

  boolean automationStarted() throws InterruptedException {
    return automationStarted.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
  }

  void releaseAutomation() {
    automationGate.countDown();
  }

  /** Every hand-over to automation fails, as a broken rules engine would. */
  void breakAutomation() {
    automationBroken = true;
  }

  /** The relay refuses this collaborator's address for good. */
  void refuseRecipient(String collaborator) {
    refusedRecipients.add(collaborator);
  }

  /**
   * The first {@code times} attempts of each submission email fail, as an unreachable relay would.
   */
  void failEmailAttempts(int times) {
    emailFailuresLeft.set(times);
  }

  /**
   * The first {@code times} attempts of each submission email fail after the email went out, as a
   * process crashing right after the SMTP server accepted it would.
   */
  void failEmailAttemptsAfterSending(int times) {
    failAfterSending = true;
    emailFailuresLeft.set(times);
  }

  /**
   * The first {@code times} calls of each of the worker's own bookkeeping steps (recording a round
   * and marking it sent) fail, as a database blip would.
   */
  void failBookkeeping(int times) {
    bookkeepingFailuresLeft.set(times);
    roundSentFailuresLeft.set(times);
  }

  private final AtomicInteger bookkeepingFailuresLeft = new AtomicInteger();
  private final AtomicInteger roundSentFailuresLeft = new AtomicInteger();

  private static void blip(AtomicInteger failuresLeft, String step) {
    if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      throw io.temporal.failure.ApplicationFailure.newFailure(
          step + ": the database did not answer", "DatabaseBlip");
    }
  }

  /** The job is connected to a deal that decisions move to this stage. */
  void connectDeal(String stage) {
    dealStage = stage;
  }

  /** Keeps {@link #notifyRecruiter} running until released, so the workflow stays open. */
  void holdRecruiterNotifications() {
    recruiterNotificationGate = new CountDownLatch(1);
  }

  void releaseRecruiterNotifications() {
    recruiterNotificationGate.countDown();
  }

  /** Whether the workflow reached its follow-ups; waits for that, within the safety net. */
  boolean recruiterNotificationStarted() throws InterruptedException {
    return recruiterNotificationStarted.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
  }

  void releaseEverything() {
    releaseRecruiterNotifications();
    releaseRecording();
    releaseAutomation();
  }

  /** Every call, failed attempts included, in the order the worker ran them. */
  List<String> calls() {
    return List.copyOf(calls);
  }

  long callsTo(String activity) {
    return calls.stream().filter(call -> call.startsWith(activity + " ")).count();
  }

  /**
   * The emails that went out, one per idempotency key: {@code SUBMISSION/<round>/<collaborator>},
   * {@code REMINDER/<round>/<step>/<collaborator>}, {@code NO_RESPONSE/<round>}, {@code
   * RECRUITER_NOTIFICATION/<decision>}, {@code COMMENT/<commentId>}.
   */
  List<String> emails() {
    return List.copyOf(emails);
  }

  /** Every delivery attempt, by delivery ID (the email's key here), in the order they ran. */
  List<String> deliveryAttempts() {
    return List.copyOf(deliveryAttempts);
  }

  /** The deliveries Temporal gave up on. */
  List<String> givenUp() {
    return List.copyOf(givenUp);
  }

  /** Temporal's attempt number of every attempt to send the first collaborator's email. */
  List<Integer> emailAttempts() {
    return List.copyOf(emailAttempts);
  }

  private void send(String key) {
    if (sentKeys.add(key)) {
      emails.add(key);
    }
  }

  @Override
  public int sendSubmissionEmails(String submissionId, int round) {
    calls.add("sendSubmissionEmails " + submissionId + " round " + round);
    emailAttempts.add(Activity.getExecutionContext().getInfo().getAttempt());
    boolean fail = emailFailuresLeft.getAndDecrement() > 0;
    if (fail && !failAfterSending) {
      throw new IllegalStateException("Mail relay unavailable");
    }
    for (String collaborator : COLLABORATORS) {
      send("SUBMISSION/" + round + "/" + collaborator);
    }
    if (fail) {
      throw new IllegalStateException("Crashed after the relay accepted the email");
    }
    return COLLABORATORS.size();
  }

  @Override
  public int sendReminders(String submissionId, int round, int step) {
    calls.add("sendReminders round " + round + " step " + step);
    for (String collaborator : COLLABORATORS) {
      send("REMINDER/" + round + "/" + step + "/" + collaborator);
    }
    return COLLABORATORS.size();
  }

  @Override
  public void alertRecruiterNoResponse(String submissionId, int round) {
    calls.add("alertRecruiterNoResponse round " + round);
    send("NO_RESPONSE/" + round);
  }

  private static QueuedEmails queued(List<String> keys) {
    return new QueuedEmails(keys, Duration.ofHours(24));
  }

  private final Map<String, AtomicInteger> failuresLeftByDelivery = new ConcurrentHashMap<>();

  @Override
  public QueuedEmails queueSubmissionEmails(String submissionId, int round) {
    blip(bookkeepingFailuresLeft, "queueSubmissionEmails");
    calls.add("queueSubmissionEmails " + submissionId + " round " + round);
    return queued(COLLABORATORS.stream().map(c -> "SUBMISSION/" + round + "/" + c).toList());
  }

  @Override
  public void roundSent(String submissionId, int round) {
    blip(roundSentFailuresLeft, "roundSent");
    roundsSent.add(round);
  }

  @Override
  public QueuedEmails queueReminders(String submissionId, int round, int step) {
    calls.add("queueReminders round " + round + " step " + step);
    return queued(
        COLLABORATORS.stream().map(c -> "REMINDER/" + round + "/" + step + "/" + c).toList());
  }

  @Override
  public QueuedEmails queueNoResponseAlert(String submissionId, int round) {
    calls.add("queueNoResponseAlert round " + round);
    return queued(List.of("NO_RESPONSE/" + round));
  }

  @Override
  public QueuedEmails queueRecruiterNotification(String submissionId, ClientDecision decision) {
    calls.add("queueRecruiterNotification " + decision.decision());
    recruiterNotificationStarted.countDown();
    await(recruiterNotificationGate);
    return queued(List.of("RECRUITER_NOTIFICATION/" + decision.decision()));
  }

  @Override
  public void deliver(String deliveryId) {
    deliveryAttempts.add(deliveryId);
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    if (deliveryId.endsWith("/" + COLLABORATORS.get(0)) && deliveryId.startsWith("SUBMISSION/")) {
      emailAttempts.add(attempt);
    }
    if (refusedRecipients.stream().anyMatch(c -> deliveryId.endsWith("/" + c))) {
      throw ApplicationFailure.newNonRetryableFailure(
          "550 5.1.1 mailbox does not exist", Deliveries.PERMANENT_FAILURE);
    }
    boolean fail =
        deliveryId.startsWith("SUBMISSION/")
            && failuresLeftByDelivery
                    .computeIfAbsent(deliveryId, id -> new AtomicInteger(emailFailuresLeft.get()))
                    .getAndDecrement()
                > 0;
    if (fail && !failAfterSending) {
      throw new IllegalStateException("Mail relay unavailable");
    }
    send(deliveryId);
    if (fail) {
      throw new IllegalStateException("Crashed after the relay accepted the email");
    }
  }

  @Override
  public void giveUp(String deliveryId, String reason) {
    givenUp.add(deliveryId + ": " + reason);
  }

  /** The rounds marked as sent, in order. */
  List<Integer> roundsSent() {
    return List.copyOf(roundsSent);
  }

  private final List<Integer> roundsSent = new CopyOnWriteArrayList<>();

  @Override
  public void recordDecision(String submissionId, ClientDecision decision) {
    if (decision.decision() == heldRecording) {
      recordingStarted.countDown();
      await(recordingGate);
    }
    calls.add("recordDecision " + decision.decision());
  }

  @Override
  public void notifyRecruiter(String submissionId, ClientDecision decision) {
    calls.add("notifyRecruiter " + decision.decision());
    send("RECRUITER_NOTIFICATION/" + decision.decision());
    recruiterNotificationStarted.countDown();
    await(recruiterNotificationGate);
  }

  @Override
  public PipelineStage movePipelineStage(String submissionId, Decision decision) {
    calls.add("movePipelineStage " + decision);
    return PipelineStage.after(decision);
  }

  @Override
  public void logJobActivity(String submissionId, ClientDecision decision) {
    calls.add("logJobActivity " + decision.decision());
  }

  @Override
  public String updateDeal(String submissionId, Decision decision) {
    calls.add("updateDeal " + decision);
    return dealStage;
  }

  @Override
  public void handToAutomation(String submissionId, AutomationTrigger trigger, String occurrence) {
    calls.add("handToAutomation " + trigger + " " + occurrence);
    if (automationBroken) {
      throw new IllegalStateException("Rules engine unavailable");
    }
    if (trigger == heldTrigger) {
      automationStarted.countDown();
      await(automationGate);
    }
  }

  @Override
  public void recordWithdrawal(String submissionId, RecruiterAction withdrawal) {
    calls.add("recordWithdrawal " + withdrawal.actor());
  }

  @Override
  public void prepareResend(
      String submissionId, int round, String actor, List<String> attachmentIds, String message) {
    calls.add(
        "prepareResend "
            + submissionId
            + " round "
            + round
            + " by "
            + actor
            + " "
            + attachmentIds
            + " "
            + message);
  }

  @Override
  public void notifyRecruiterOfComment(String submissionId, String commentId) {
    calls.add("notifyRecruiterOfComment " + commentId);
    send("COMMENT/" + commentId);
  }

  @Override
  public void settle(String submissionId) {
    calls.add("settle " + submissionId);
  }

  private static void await(CountDownLatch gate) {
    try {
      gate.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while held", e);
    }
  }
}
