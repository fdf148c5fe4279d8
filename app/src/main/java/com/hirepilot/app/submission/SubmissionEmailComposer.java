package com.hirepilot.app.submission;

import com.hirepilot.app.auth.LoginLinks;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.notification.EmailComposer;
import com.hirepilot.app.notification.EmailRecipe;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.submission.internal.ClientEmails;
import com.hirepilot.app.submission.internal.RecruiterEmails;
import com.hirepilot.app.submission.internal.ReplyEmails;
import com.hirepilot.app.submission.internal.StepKey;
import com.hirepilot.app.submission.internal.SubmissionContext;
import com.hirepilot.app.submission.internal.SubmissionMetrics;
import com.hirepilot.app.workspace.ReminderSchedule;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.EmailKind;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds a submission's emails at each delivery attempt, from the submission as it is then: a
 * reminder held up by a relay outage is not sent once the client has answered, and each attempt
 * carries a sign-in link of its own (bound to the email's key, so a retry replaces the link of the
 * attempt that never arrived).
 */
@Component
class SubmissionEmailComposer implements EmailComposer {

  static final String ROUND = "round";
  static final String STEP = "step";
  static final String BATCH = "batch";
  static final String DECISION = "decision";
  static final String COLLABORATOR = "collaboratorId";
  static final String ACTOR = "actor";
  static final String REASON = "reason";
  static final String AVAILABILITY = "availability";

  private final SubmissionContexts contexts;
  private final SubmissionComments comments;
  private final LoginLinks links;
  private final ClientEmails clientEmails;
  private final RecruiterEmails recruiterEmails;
  private final ReplyEmails replyEmails;
  private final SubmissionTimeline timeline;
  private final SubmissionMetrics metrics;

  SubmissionEmailComposer(
      SubmissionContexts contexts,
      SubmissionComments comments,
      LoginLinks links,
      ClientEmails clientEmails,
      RecruiterEmails recruiterEmails,
      ReplyEmails replyEmails,
      SubmissionTimeline timeline,
      SubmissionMetrics metrics) {
    this.contexts = contexts;
    this.comments = comments;
    this.links = links;
    this.clientEmails = clientEmails;
    this.recruiterEmails = recruiterEmails;
    this.replyEmails = replyEmails;
    this.timeline = timeline;
    this.metrics = metrics;
  }

  @Override
  public Set<EmailKind> kinds() {
    return Set.of(
        EmailKind.SUBMISSION,
        EmailKind.REMINDER,
        EmailKind.RECRUITER_ALERT,
        EmailKind.RECRUITER_NOTIFICATION,
        EmailKind.COMMENT_NOTIFICATION,
        EmailKind.RECRUITER_REPLY);
  }

  /** A client email's recipe: the collaborator and the step's values. */
  static EmailRecipe toCollaborator(
      StepKey key,
      SubmissionContext context,
      EmailKind kind,
      Collaborator collaborator,
      Map<String, String> params) {
    return new EmailRecipe(
        key.value(),
        context.submission().workspaceId(),
        context.id(),
        kind,
        collaborator.email(),
        collaborator.id(),
        null,
        params);
  }

  /** A recruiter email's recipe. */
  static EmailRecipe toRecruiter(
      StepKey key, SubmissionContext context, EmailKind kind, Map<String, String> params) {
    return new EmailRecipe(
        key.value(),
        context.submission().workspaceId(),
        context.id(),
        kind,
        context.recruiter().email(),
        context.recruiter().id(),
        null,
        params);
  }

  /** The decision as the recruiter's email tells it; absent values stay out (recipes hold none). */
  static Map<String, String> decisionParams(ClientDecision decision) {
    Map<String, String> params = new HashMap<>();
    params.put(DECISION, decision.decision().name());
    putIfPresent(params, COLLABORATOR, decision.collaboratorId());
    putIfPresent(params, ACTOR, decision.actor());
    putIfPresent(params, REASON, decision.reason());
    putIfPresent(params, AVAILABILITY, decision.availability());
    return params;
  }

  @Override
  public OutgoingEmail compose(EmailRecipe recipe) {
    SubmissionContext context = contexts.load(recipe.submissionId());
    return switch (recipe.kind()) {
      case SUBMISSION -> submission(recipe, context);
      case REMINDER -> reminder(recipe, context);
      case RECRUITER_ALERT ->
          recruiterEmails.noResponseAlert(
              context, contexts.recipientsOf(context), context.submission().remindersSent());
      case RECRUITER_NOTIFICATION -> recruiterEmails.decision(context, decision(recipe));
      case COMMENT_NOTIFICATION -> digest(recipe, context);
      case RECRUITER_REPLY -> replies(recipe, context);
      default -> throw new IllegalArgumentException("Not a submission email: " + recipe.kind());
    };
  }

  @Override
  public void sent(EmailRecipe recipe, Instant at) {
    StepKey key = new StepKey(recipe.idempotencyKey());
    if (recipe.kind() == EmailKind.SUBMISSION) {
      int round = recipe.intParam(ROUND);
      timeline.append(
          key,
          recipe.submissionId(),
          SubmissionEventType.EMAIL_SENT,
          "system",
          (round > 1 ? "round " + round + " to " : "to ") + recipe.recipient(),
          at);
    } else if (recipe.kind() == EmailKind.REMINDER) {
      metrics.reminderSent();
      timeline.append(
          key,
          recipe.submissionId(),
          SubmissionEventType.REMINDER_SENT,
          "system",
          "reminder " + recipe.intParam(STEP) + " to " + recipe.recipient(),
          at);
    }
  }

  private OutgoingEmail submission(EmailRecipe recipe, SubmissionContext context) {
    int round = recipe.intParam(ROUND);
    if (context.submission().emailRound() > round) {
      throw new NothingToSend("A resend replaced round " + round + " before it went out");
    }
    Collaborator collaborator = activeCollaborator(recipe, context);
    return clientEmails
        .submission(
            context,
            contexts.publicFilesOf(context),
            collaborator,
            portalLink(context, collaborator, recipe))
        .withReplyTo(context.recruiter().email());
  }

  private OutgoingEmail reminder(EmailRecipe recipe, SubmissionContext context) {
    Submission submission = context.submission();
    if (submission.status() != SubmissionStatus.AWAITING_FEEDBACK
        || submission.emailRound() != recipe.intParam(ROUND)) {
      throw new NothingToSend("The client answered (or a resend came) before the reminder left");
    }
    Collaborator collaborator = activeCollaborator(recipe, context);
    int steps = ReminderSchedule.parse(submission.reminderSchedule()).delays().size();
    return clientEmails
        .reminder(
            context,
            collaborator,
            portalLink(context, collaborator, recipe),
            recipe.intParam(STEP),
            steps)
        .withReplyTo(context.recruiter().email());
  }

  private OutgoingEmail digest(EmailRecipe recipe, SubmissionContext context) {
    List<SubmissionComment> batch = comments.ofDigest(recipe.param(BATCH));
    if (batch.isEmpty()) {
      throw new NothingToSend("The digest has no comments");
    }
    return recruiterEmails.comments(context, batch);
  }

  private OutgoingEmail replies(EmailRecipe recipe, SubmissionContext context) {
    if (context.submission().status() == SubmissionStatus.WITHDRAWN) {
      throw new NothingToSend("The candidate was withdrawn: the client no longer sees it");
    }
    Collaborator collaborator = activeCollaborator(recipe, context);
    return replyEmails
        .replies(
            context,
            collaborator,
            comments.ofReplyDigest(recipe.param(BATCH)),
            portalLink(context, collaborator, recipe))
        .withReplyTo(context.recruiter().email());
  }

  private static ClientDecision decision(EmailRecipe recipe) {
    return new ClientDecision(
        recipe.param(COLLABORATOR),
        recipe.param(ACTOR),
        Decision.valueOf(recipe.param(DECISION)),
        recipe.param(REASON),
        recipe.param(AVAILABILITY));
  }

  private Collaborator activeCollaborator(EmailRecipe recipe, SubmissionContext context) {
    return contexts.recipientsOf(context).stream()
        .filter(c -> c.id().equals(recipe.recipientId()))
        .findFirst()
        .orElseThrow(
            () ->
                new NothingToSend(
                    recipe.recipient() + " is no longer an active collaborator of the job"));
  }

  private String portalLink(
      SubmissionContext context, Collaborator collaborator, EmailRecipe recipe) {
    return links
        .issue(
            collaborator,
            LoginLinks.Purpose.INVITATION,
            "/portal/submissions/" + context.id(),
            recipe.idempotencyKey())
        .url();
  }

  private static void putIfPresent(Map<String, String> params, String name, String value) {
    if (value != null) {
      params.put(name, value);
    }
  }
}
