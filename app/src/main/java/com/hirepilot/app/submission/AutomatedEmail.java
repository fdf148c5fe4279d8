package com.hirepilot.app.submission;

import com.hirepilot.app.automation.ActionPerformer;
import com.hirepilot.app.automation.ActionRun;
import com.hirepilot.app.automation.ActionType;
import com.hirepilot.app.automation.PermanentActionFailure;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.notification.DeliveryPolicy;
import com.hirepilot.app.notification.EmailComposer;
import com.hirepilot.app.notification.EmailRecipe;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.submission.internal.AutomationEmails;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.workflows.email.EmailDeliveryWorkflow;
import com.hirepilot.workflows.submission.EmailKind;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code EMAIL {to}}: one email, to an address or to the submitting recruiter ({@code RECRUITER}),
 * queued and delivered like every other email (records, retries, flags) by its own delivery
 * workflow. Also the composer of those emails, built afresh at each delivery attempt.
 */
@Component
class AutomatedEmail implements ActionPerformer, EmailComposer {

  /** The {@code to} that means the recruiter who submitted the candidate. */
  static final String RECRUITER = "RECRUITER";

  static final String RULE = "rule";
  static final String EVENT = "event";
  static final String REASON = "reason";

  private final SubmissionContexts contexts;
  private final AutomationEmails emails;
  private final Mailer mailer;
  private final DeliveryPolicy policy;
  private final JobActivityLog activityLog;
  private final WorkflowClient client;
  private final TransactionTemplate transaction;
  private final Clock clock;

  AutomatedEmail(
      SubmissionContexts contexts,
      AutomationEmails emails,
      Mailer mailer,
      DeliveryPolicy policy,
      JobActivityLog activityLog,
      WorkflowClient client,
      TransactionTemplate transaction,
      Clock clock) {
    this.contexts = contexts;
    this.emails = emails;
    this.mailer = mailer;
    this.policy = policy;
    this.activityLog = activityLog;
    this.client = client;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public ActionType type() {
    return ActionType.EMAIL;
  }

  @Override
  public Set<EmailKind> kinds() {
    return Set.of(EmailKind.AUTOMATION);
  }

  /**
   * The delivery is keyed by the action's delivery ID, so a retry of this action finds the email it
   * queued before and queues nothing new; once it is sent, a retry does not even start a delivery
   * workflow.
   */
  @Override
  public void perform(ActionRun run) {
    SubmissionContext context = contexts.load(run.event().submissionId());
    String to = run.action().setting("to");
    boolean toRecruiter = to != null && RECRUITER.equalsIgnoreCase(to.strip());
    String address = toRecruiter ? context.recruiter().email() : address(to);
    if (mailer.alreadySent(run.deliveryId())) {
      return;
    }
    Map<String, String> params = new HashMap<>();
    params.put(RULE, run.ruleName());
    params.put(EVENT, run.event().trigger().name());
    if (run.reason() != null && !run.reason().isBlank()) {
      params.put(REASON, run.reason());
    }
    String deliveryId =
        transaction.execute(
            tx -> {
              String id =
                  mailer.queue(
                      new EmailRecipe(
                          run.deliveryId(),
                          context.submission().workspaceId(),
                          context.id(),
                          EmailKind.AUTOMATION,
                          address,
                          toRecruiter ? context.recruiter().id() : null,
                          null,
                          params));
              activityLog.append(
                  run.deliveryId(),
                  context.job().id(),
                  context.id(),
                  SubmissionEventType.AUTOMATION_EMAIL_QUEUED,
                  "automation",
                  false,
                  "Automation '" + run.ruleName() + "' emailed " + address,
                  clock.instant());
              return id;
            });
    EmailDeliveryWorkflow workflow =
        client.newWorkflowStub(
            EmailDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(EmailDeliveryWorkflow.WORKFLOW_ID_PREFIX + deliveryId)
                .setTaskQueue(SubmissionWorkflow.TASK_QUEUE)
                .build());
    try {
      WorkflowClient.start(workflow::deliver, policy.toDeliver(List.of(deliveryId)));
    } catch (WorkflowExecutionAlreadyStarted already) {
      // An earlier attempt of this action started it: one delivery is enough.
    }
  }

  @Override
  public OutgoingEmail compose(EmailRecipe recipe) {
    return emails.email(
        contexts.load(recipe.submissionId()),
        recipe.recipient(),
        recipe.param(RULE),
        recipe.param(EVENT),
        recipe.param(REASON));
  }

  /** A team or recruiter address; one that can never be sent to fails for good. */
  static String address(String to) {
    if (to == null || to.isBlank()) {
      throw new PermanentActionFailure("the email has no recipient");
    }
    try {
      InternetAddress parsed = new InternetAddress(to.strip(), true);
      return parsed.getAddress();
    } catch (AddressException e) {
      throw new PermanentActionFailure("'" + to.strip() + "' is not an email address");
    }
  }
}
