package com.hirepilot.workflows.submission;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
        return status;
      }
    }
  }

  @Override
  public void validateDecide(ClientDecision decision) {
    if (decision == null || decision.decision() == null) {
      throw new IllegalArgumentException("A decision is required");
    }
    if (currentDecision != null
        && currentDecision.decision().isFinal()
        && currentDecision.decision() != decision.decision()) {
      throw new IllegalStateException(
          "The candidate was already " + status.name().toLowerCase() + "; that is final");
    }
  }

  @Override
  public DecisionReceipt decide(ClientDecision decision) {
    if (currentDecision != null && currentDecision.decision() == decision.decision()) {
      return new DecisionReceipt(status, false);
    }
    // Claimed before the activity yields, so a concurrent conflicting Update fails validation.
    currentDecision = decision;
    activities.recordDecision(submissionId, decision);
    status = decision.decision().resultingStatus();
    record(status.name(), decision.actor(), decision.reason());
    decisionsToFollowUp.add(decision);
    return new DecisionReceipt(status, true);
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
