package com.hirepilot.workflows.submission;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The submission lifecycle: send, await the client's decision, then notify the recruiter, move the
 * pipeline stage and log the job's activity. All I/O happens in {@link SubmissionActivities}; this
 * class only decides what happens next, deterministically.
 */
public class SubmissionWorkflowImpl implements SubmissionWorkflow {

  /** Generous enough for a slow SMTP relay; a hung call is retried rather than waited on. */
  private static final Duration ACTIVITY_TIMEOUT = Duration.ofMinutes(1);

  /** Retries back off to once a minute and never give up: a mail outage must not lose mail. */
  private static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  private final SubmissionActivities activities =
      Workflow.newActivityStub(
          SubmissionActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(ACTIVITY_TIMEOUT)
              .setRetryOptions(RETRY)
              .build());

  /**
   * Decisions are applied one at a time, in the order they were accepted: an interview request
   * still being recorded when an approval arrives must not land after it.
   */
  private final WorkflowLock decisionLock = Workflow.newWorkflowLock();

  private String submissionId;
  private SubmissionStatus status = SubmissionStatus.SENDING;
  private String stage;
  private ClientDecision currentDecision;
  private final List<ClientDecision> decisionsToFollowUp = new ArrayList<>();
  private final List<TimelineEntry> timeline = new ArrayList<>();

  @Override
  public SubmissionStatus run(SubmissionRequest request) {
    submissionId = request.submissionId();
    record("SUBMITTED", "recruiter", null);

    int recipients = activities.sendSubmissionEmails(submissionId, 1);
    record("EMAIL_SENT", "system", "to " + recipients + " collaborator(s)");
    if (status == SubmissionStatus.SENDING) {
      status = SubmissionStatus.AWAITING_FEEDBACK;
    }

    while (true) {
      Workflow.await(() -> !decisionsToFollowUp.isEmpty());
      ClientDecision decision = decisionsToFollowUp.remove(0);
      followUp(decision);
      if (decision.decision().isFinal()) {
        // Decisions that arrived meanwhile get their answer before the workflow closes.
        Workflow.await(Workflow::isEveryHandlerFinished);
        return status;
      }
    }
  }

  @Override
  public void validateDecide(ClientDecision decision) {
    if (decision == null || decision.decision() == null) {
      throw new IllegalArgumentException("A decision is required");
    }
    if (conflictsWithFinal(decision)) {
      throw conflict();
    }
  }

  @Override
  public DecisionReceipt decide(ClientDecision decision) {
    decisionLock.lock();
    try {
      if (currentDecision != null && currentDecision.decision() == decision.decision()) {
        return new DecisionReceipt(status, false);
      }
      // Accepted while an earlier final decision was still being recorded: refuse it now.
      if (conflictsWithFinal(decision)) {
        throw ApplicationFailure.newFailure(
            conflict().getMessage(), IllegalStateException.class.getName());
      }
      // Claimed before the activity yields, so a conflicting Update fails validation meanwhile.
      currentDecision = decision;
      activities.recordDecision(submissionId, decision);
      status = decision.decision().resultingStatus();
      record(status.name(), decision.actor(), decision.reason());
      decisionsToFollowUp.add(decision);
      return new DecisionReceipt(status, true);
    } finally {
      decisionLock.unlock();
    }
  }

  private boolean conflictsWithFinal(ClientDecision decision) {
    return currentDecision != null
        && currentDecision.decision().isFinal()
        && currentDecision.decision() != decision.decision();
  }

  /** Worded from the decision taken, which is claimed before its status is recorded. */
  private IllegalStateException conflict() {
    String taken = currentDecision.decision().resultingStatus().name().toLowerCase(Locale.ROOT);
    return new IllegalStateException("The candidate was already " + taken + "; that is final");
  }

  /** What every decision sets off once it is on record. */
  private void followUp(ClientDecision decision) {
    activities.notifyRecruiter(submissionId, decision);
    record("RECRUITER_NOTIFIED", "system", decision.decision().name());
    stage = activities.movePipelineStage(submissionId, decision.decision());
    record("PIPELINE_UPDATED", "system", stage);
    activities.logJobActivity(submissionId, decision);
  }

  @Override
  public SubmissionSnapshot snapshot() {
    return new SubmissionSnapshot(
        status,
        stage,
        currentDecision == null ? null : currentDecision.decision(),
        0,
        null,
        List.copyOf(timeline));
  }

  private void record(String type, String actor, String detail) {
    timeline.add(
        new TimelineEntry(Instant.ofEpochMilli(Workflow.currentTimeMillis()), type, actor, detail));
  }
}
