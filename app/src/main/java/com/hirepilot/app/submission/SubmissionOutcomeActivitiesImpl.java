package com.hirepilot.app.submission;

import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.submission.internal.StepKey;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.app.submission.internal.SubmissionMetrics;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.PipelineStage;
import com.hirepilot.workflows.submission.RecruiterAction;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionOutcomeActivities;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the workflow's outcomes on record, each in one transaction: the status change and its
 * timeline entry commit together or not at all.
 */
@Component
class SubmissionOutcomeActivitiesImpl implements SubmissionOutcomeActivities {

  private static final Logger log = LoggerFactory.getLogger(SubmissionOutcomeActivitiesImpl.class);

  private final SubmissionContexts contexts;
  private final Submissions submissions;
  private final SubmittedFiles files;
  private final SubmissionUpdates updates;
  private final SubmissionTimeline timeline;
  private final PipelineStages pipeline;
  private final JobActivityLog activityLog;
  private final SubmissionMetrics metrics;
  private final Clock clock;

  SubmissionOutcomeActivitiesImpl(
      SubmissionContexts contexts,
      Submissions submissions,
      SubmittedFiles files,
      SubmissionUpdates updates,
      SubmissionTimeline timeline,
      PipelineStages pipeline,
      JobActivityLog activityLog,
      SubmissionMetrics metrics,
      Clock clock) {
    this.contexts = contexts;
    this.submissions = submissions;
    this.files = files;
    this.updates = updates;
    this.timeline = timeline;
    this.pipeline = pipeline;
    this.activityLog = activityLog;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void recordDecision(String submissionId, ClientDecision decision) {
    Submission submission = contexts.submission(submissionId);
    Instant now = clock.instant();
    int recorded =
        submissions.recordDecision(
            submissionId,
            decision.decision().resultingStatus().name(),
            decision.decision().name(),
            decision.collaboratorId(),
            decision.reason(),
            decision.availability(),
            Timestamps.param(now));
    if (recorded == 1) {
      metrics.decided(decision.decision(), submission.createdAt(), now);
      log.info("Recorded the client's decision {}", decision.decision());
    }
    timeline.append(
        StepKey.decision(submissionId, decision.decision()),
        submissionId,
        SubmissionEventType.of(decision.decision()),
        decision.actor(),
        detailOf(decision),
        now);
  }

  @Override
  @Transactional
  public void recordWithdrawal(String submissionId, RecruiterAction withdrawal) {
    SubmissionContext context = contexts.load(submissionId);
    Instant now = clock.instant();
    submissions.recordWithdrawal(submissionId, withdrawal.recruiterId(), Timestamps.param(now));
    StepKey key = StepKey.withdrawal(submissionId);
    if (timeline.append(
        key, submissionId, SubmissionEventType.WITHDRAWN, withdrawal.actor(), null, now)) {
      pipeline.move(context.job().id(), context.candidate().id(), PipelineStage.WITHDRAWN, now);
    }
    // Internal only: the client simply stops seeing the candidate.
    activityLog.append(
        StepKey.withdrawalActivity(submissionId).value(),
        context.job().id(),
        submissionId,
        SubmissionEventType.WITHDRAWN,
        withdrawal.actor(),
        false,
        withdrawal.actor() + " withdrew " + context.candidate().name(),
        now);
  }

  @Override
  @Transactional
  public void prepareResend(
      String submissionId, int round, String actor, List<String> attachmentIds, String message) {
    SubmissionContext context = contexts.load(submissionId);
    if (submissions.startRound(submissionId, round, message) == 0) {
      return; // this round was prepared before
    }
    if (attachmentIds != null) {
      files.replace(submissionId, attachmentIds);
    }
    Instant now = clock.instant();
    updates.record(submissionId, round, message, attachmentIds != null, actor, now);
    timeline.append(
        StepKey.resend(submissionId, round),
        submissionId,
        SubmissionEventType.RESENT,
        actor,
        attachmentIds == null ? "round " + round : "round " + round + " with updated files",
        now);
    activityLog.append(
        StepKey.resendActivity(submissionId, round).value(),
        context.job().id(),
        submissionId,
        SubmissionEventType.RESENT,
        actor,
        true,
        "The submission of " + context.candidate().name() + " was updated and sent again",
        now);
  }

  @Override
  public void settle(String submissionId) {
    contexts.submission(submissionId);
    submissions.settle(submissionId, Timestamps.param(clock.instant()));
  }

  /** The client's note and, for an interview, their availability, as the thread shows them. */
  private static String detailOf(ClientDecision decision) {
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
}
