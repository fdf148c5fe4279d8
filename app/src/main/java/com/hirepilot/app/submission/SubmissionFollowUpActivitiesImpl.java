package com.hirepilot.app.submission;

import com.hirepilot.app.automation.AutomationEngine;
import com.hirepilot.app.automation.LifecycleEventOccurred;
import com.hirepilot.app.deal.DealService;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.notification.DeliveryPolicy;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.notification.RecruiterInbox;
import com.hirepilot.app.submission.internal.CommentNotices;
import com.hirepilot.app.submission.internal.RecruiterEmails;
import com.hirepilot.app.submission.internal.StepKey;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.workflows.email.QueuedEmails;
import com.hirepilot.workflows.submission.AutomationTrigger;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.EmailKind;
import com.hirepilot.workflows.submission.PipelineStage;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionFollowUpActivities;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Carries out what follows a client's decision or comment (keys in the interface). */
@Component
class SubmissionFollowUpActivitiesImpl implements SubmissionFollowUpActivities {

  private final SubmissionContexts contexts;
  private final SubmissionComments comments;
  private final Mailer mailer;
  private final RecruiterEmails emails;
  private final RecruiterInbox inbox;
  private final CommentNotices notices;
  private final SubmissionTimeline timeline;
  private final PipelineStages pipeline;
  private final JobActivityLog activityLog;
  private final DealService deals;
  private final AutomationEngine automation;
  private final Clock clock;
  private final DeliveryPolicy policy;
  private final TransactionTemplate transaction;

  SubmissionFollowUpActivitiesImpl(
      SubmissionContexts contexts,
      SubmissionComments comments,
      Mailer mailer,
      RecruiterEmails emails,
      RecruiterInbox inbox,
      CommentNotices notices,
      SubmissionTimeline timeline,
      PipelineStages pipeline,
      JobActivityLog activityLog,
      DealService deals,
      AutomationEngine automation,
      Clock clock,
      DeliveryPolicy policy,
      TransactionTemplate transaction) {
    this.policy = policy;
    this.transaction = transaction;
    this.contexts = contexts;
    this.comments = comments;
    this.mailer = mailer;
    this.emails = emails;
    this.inbox = inbox;
    this.notices = notices;
    this.timeline = timeline;
    this.pipeline = pipeline;
    this.activityLog = activityLog;
    this.deals = deals;
    this.automation = automation;
    this.clock = clock;
  }

  @Override
  public void notifyRecruiter(String submissionId, ClientDecision decision) {
    // Workflows from before per-recipient delivery: the same delivery, attempted right here.
    mailer.attemptAll(
        queueRecruiterNotification(submissionId, decision).deliveryIds(),
        io.temporal.activity.Activity.getExecutionContext().getInfo().getAttempt());
  }

  @Override
  public QueuedEmails queueRecruiterNotification(String submissionId, ClientDecision decision) {
    SubmissionContext context = contexts.load(submissionId);
    StepKey key =
        StepKey.recruiterNotification(submissionId, decision.decision(), context.recruiter().id());
    return transaction.execute(
        tx -> {
          String deliveryId =
              mailer.queue(
                  SubmissionEmailComposer.toRecruiter(
                      key,
                      context,
                      EmailKind.RECRUITER_NOTIFICATION,
                      SubmissionEmailComposer.decisionParams(decision)));
          inbox.post(
              key.value(),
              context.submission().workspaceId(),
              context.recruiter().id(),
              submissionId,
              "DECISION",
              decision.actor()
                  + " "
                  + RecruiterEmails.verb(decision.decision())
                  + " "
                  + context.candidate().name()
                  + " for "
                  + context.job().title(),
              clock.instant());
          timeline.append(
              key,
              submissionId,
              SubmissionEventType.RECRUITER_NOTIFIED,
              "system",
              "email to " + context.recruiter().email(),
              clock.instant());
          return policy.toDeliver(List.of(deliveryId));
        });
  }

  @Override
  public void notifyRecruiterOfComment(String submissionId, String commentId) {
    SubmissionContext context = contexts.load(submissionId);
    SubmissionComment comment =
        comments
            .find(commentId)
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "Comment " + commentId + " does not exist", SubmissionContexts.MISSING));
    // Only workflows from before the comment digest call this; the notice is the digest's own.
    notices.tell(StepKey.commentNotification(submissionId, commentId), context, List.of(comment));
    comments.markNotified(commentId, clock.instant());
  }

  @Override
  @Transactional
  public PipelineStage movePipelineStage(String submissionId, Decision decision) {
    Submission submission = contexts.submission(submissionId);
    PipelineStage stage = PipelineStage.after(decision);
    // The key guards against a replay moving the stage back after a later step moved it on.
    if (timeline.append(
        StepKey.pipeline(submissionId, decision),
        submissionId,
        SubmissionEventType.PIPELINE_UPDATED,
        "system",
        stage.name(),
        clock.instant())) {
      pipeline.move(submission.jobId(), submission.candidateId(), stage, clock.instant());
    }
    return stage;
  }

  @Override
  public void logJobActivity(String submissionId, ClientDecision decision) {
    SubmissionContext context = contexts.load(submissionId);
    activityLog.append(
        StepKey.decisionActivity(submissionId, decision.decision()).value(),
        context.job().id(),
        submissionId,
        SubmissionEventType.of(decision.decision()),
        decision.actor(),
        true,
        decision.actor()
            + " "
            + RecruiterEmails.verb(decision.decision())
            + " "
            + context.candidate().name(),
        clock.instant());
  }

  @Override
  @Transactional
  public String updateDeal(String submissionId, Decision decision) {
    Submission submission = contexts.submission(submissionId);
    Optional<String> stage = deals.stageAfter(submission.jobId(), decision);
    if (stage.isEmpty()) {
      return null;
    }
    if (timeline.append(
        StepKey.deal(submissionId, decision),
        submissionId,
        SubmissionEventType.DEAL_UPDATED,
        "system",
        stage.get(),
        clock.instant())) {
      deals.follow(submission.jobId(), decision);
    }
    return stage.get();
  }

  @Override
  public void handToAutomation(String submissionId, AutomationTrigger trigger, String occurrence) {
    SubmissionContexts.Facts submission = contexts.facts(submissionId);
    automation.handle(
        new LifecycleEventOccurred(
            StepKey.automation(submissionId, trigger, occurrence).value(),
            trigger,
            submission.workspaceId(),
            submission.jobId(),
            submissionId,
            submission.candidateId(),
            clock.instant()));
  }
}
