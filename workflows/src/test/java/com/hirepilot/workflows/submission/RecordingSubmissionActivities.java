package com.hirepilot.workflows.submission;

import io.temporal.activity.Activity;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the app's activities: remembers every call in order and can fail or hold a call
 * on demand. Activities run on the worker's threads, so everything here is thread-safe.
 */
final class RecordingSubmissionActivities implements SubmissionActivities {

  /** Only a safety net so a broken test cannot hang the worker forever; tests release earlier. */
  private static final long HOLD_LIMIT_SECONDS = 30;

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<Integer> emailAttempts = new CopyOnWriteArrayList<>();
  private final AtomicInteger emailFailuresLeft = new AtomicInteger();
  private final CountDownLatch recruiterNotificationStarted = new CountDownLatch(1);
  private volatile CountDownLatch recruiterNotificationGate = new CountDownLatch(0);

  /** The next {@code times} email attempts fail, as an unreachable mail relay would. */
  void failEmailAttempts(int times) {
    emailFailuresLeft.set(times);
  }

  /** Keeps {@link #notifyRecruiter} running until released, so the workflow stays open. */
  void holdRecruiterNotifications() {
    recruiterNotificationGate = new CountDownLatch(1);
  }

  void releaseRecruiterNotifications() {
    recruiterNotificationGate.countDown();
  }

  /** Whether the workflow has reached its follow-ups; waits for it, within the safety net. */
  boolean recruiterNotificationStarted() throws InterruptedException {
    return recruiterNotificationStarted.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Every successful or failed call, in the order the worker ran them. */
  List<String> calls() {
    return List.copyOf(calls);
  }

  /** How many times each activity ran, counting retries. */
  long callsTo(String activity) {
    return calls.stream().filter(call -> call.startsWith(activity + " ")).count();
  }

  /** Temporal's attempt number of every sendSubmissionEmails call. */
  List<Integer> emailAttempts() {
    return List.copyOf(emailAttempts);
  }

  @Override
  public int sendSubmissionEmails(String submissionId, int round) {
    calls.add("sendSubmissionEmails " + submissionId + " round " + round);
    emailAttempts.add(Activity.getExecutionContext().getInfo().getAttempt());
    if (emailFailuresLeft.getAndDecrement() > 0) {
      throw new IllegalStateException("Mail relay unavailable");
    }
    return 2;
  }

  @Override
  public void recordDecision(String submissionId, ClientDecision decision) {
    calls.add("recordDecision " + decision.decision());
  }

  @Override
  public void notifyRecruiter(String submissionId, ClientDecision decision) {
    calls.add("notifyRecruiter " + decision.decision());
    recruiterNotificationStarted.countDown();
    try {
      recruiterNotificationGate.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while held", e);
    }
  }

  @Override
  public String movePipelineStage(String submissionId, Decision decision) {
    calls.add("movePipelineStage " + decision);
    return switch (decision) {
      case APPROVE -> "Client approved";
      case REJECT -> "Client rejected";
      case REQUEST_INTERVIEW -> "Client interview";
    };
  }

  @Override
  public void logJobActivity(String submissionId, ClientDecision decision) {
    calls.add("logJobActivity " + decision.decision());
  }
}
