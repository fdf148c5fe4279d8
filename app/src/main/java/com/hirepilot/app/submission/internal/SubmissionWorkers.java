package com.hirepilot.app.submission.internal;

import com.hirepilot.app.system.TemporalProperties;
import com.hirepilot.app.system.TemporalWorkers;
import com.hirepilot.workflows.automation.AutomationActivities;
import com.hirepilot.workflows.automation.AutomationRunWorkflowImpl;
import com.hirepilot.workflows.email.EmailDeliveryActivities;
import com.hirepilot.workflows.email.EmailDeliveryWorkflowImpl;
import com.hirepilot.workflows.submission.CommentDigestActivities;
import com.hirepilot.workflows.submission.CommentDigestWorkflowImpl;
import com.hirepilot.workflows.submission.ReplyDigestActivities;
import com.hirepilot.workflows.submission.ReplyDigestWorkflowImpl;
import com.hirepilot.workflows.submission.SubmissionEmailActivities;
import com.hirepilot.workflows.submission.SubmissionFollowUpActivities;
import com.hirepilot.workflows.submission.SubmissionOutcomeActivities;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import com.hirepilot.workflows.submission.SubmissionWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import org.springframework.stereotype.Component;

/**
 * The submission workflow, the comment digest workflow, the email delivery workflow, the automation
 * run workflow and their activities, on task queue {@code submissions}.
 */
@Component
class SubmissionWorkers implements TemporalWorkers {

  private final SubmissionEmailActivities emails;
  private final SubmissionOutcomeActivities outcomes;
  private final SubmissionFollowUpActivities followUps;
  private final CommentDigestActivities digests;
  private final EmailDeliveryActivities deliveries;
  private final ReplyDigestActivities replies;
  private final AutomationActivities automation;
  private final TemporalProperties temporal;

  SubmissionWorkers(
      SubmissionEmailActivities emails,
      SubmissionOutcomeActivities outcomes,
      SubmissionFollowUpActivities followUps,
      CommentDigestActivities digests,
      EmailDeliveryActivities deliveries,
      ReplyDigestActivities replies,
      AutomationActivities automation,
      TemporalProperties temporal) {
    this.automation = automation;
    this.replies = replies;
    this.deliveries = deliveries;
    this.temporal = temporal;
    this.digests = digests;
    this.emails = emails;
    this.outcomes = outcomes;
    this.followUps = followUps;
  }

  @Override
  public void register(WorkerFactory factory) {
    Worker worker = factory.newWorker(SubmissionWorkflow.TASK_QUEUE, temporal.worker().options());
    worker.registerWorkflowImplementationTypes(
        SubmissionWorkflowImpl.class,
        CommentDigestWorkflowImpl.class,
        ReplyDigestWorkflowImpl.class,
        EmailDeliveryWorkflowImpl.class,
        AutomationRunWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        emails, outcomes, followUps, digests, replies, deliveries, automation);
  }
}
