package com.hirepilot.app.submission.internal;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.CandidateCard;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.notification.MailTemplates;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.submission.Submission;
import com.hirepilot.app.workspace.AgencyBrands;
import com.hirepilot.app.workspace.WorkspaceSettings;
import com.hirepilot.workflows.submission.EmailKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes the emails a submission sends its client. They are built only from client-visible fields
 * ({@link CandidateCard}): never the candidate's contact details or the agency's notes.
 *
 * <p>Each carries the agency's brand (a client opens mail from the agency they work with, not from
 * "HirePilot"), has one button to the portal, and a plain-text part read out of its HTML (so the
 * same facts), for mail clients and readers that show only text. Replies go to the recruiter.
 */
@Component
public class ClientEmails {

  private final MailTemplates templates;
  private final AgencyBrands brands;
  private final WorkspaceSettings settings;

  ClientEmails(MailTemplates templates, AgencyBrands brands, WorkspaceSettings settings) {
    this.templates = templates;
    this.brands = brands;
    this.settings = settings;
  }

  public OutgoingEmail submission(
      SubmissionContext context, List<Attachment> publicAttachments, Collaborator to, String link) {
    Submission submission = context.submission();
    Job job = context.job();
    CandidateCard card = CandidateCard.of(context.candidate());
    boolean updated = submission.emailRound() > 1;
    String subject =
        (updated ? "Updated: candidate for " : "New candidate for ")
            + job.title()
            + ": "
            + card.name();
    Map<String, Object> model = common(context, card, to, link);
    model.put("messageParagraphs", MailTemplates.paragraphs(submission.message()));
    model.put("attachments", publicAttachments.stream().map(Attachment::filename).toList());
    model.put("updated", updated);
    return toClient(
        context, EmailKind.SUBMISSION, to, subject, templates.render("submission", model));
  }

  /** A client has not answered yet: one button back to the candidate, nothing else to read. */
  public OutgoingEmail reminder(
      SubmissionContext context, Collaborator to, String link, int step, int steps) {
    CandidateCard card = CandidateCard.of(context.candidate());
    String subject =
        "Reminder: "
            + card.name()
            + " for "
            + context.job().title()
            + " is waiting for your feedback";
    Map<String, Object> model = common(context, card, to, link);
    model.put("last", step == steps);
    return toClient(context, EmailKind.REMINDER, to, subject, templates.render("reminder", model));
  }

  /** What the submission and reminder templates both show. */
  private Map<String, Object> common(
      SubmissionContext context, CandidateCard card, Collaborator to, String link) {
    String workspaceId = context.submission().workspaceId();
    Map<String, Object> model = new HashMap<>();
    model.put("brand", MailTemplates.forEmail(brands.of(workspaceId)));
    model.put("collaboratorName", to.displayName());
    model.put("recruiterName", context.recruiter().name());
    model.put("candidate", card);
    model.put("job", context.job().title());
    model.put("clientCompany", context.job().clientCompany());
    model.put("link", link);
    model.put("validFor", lasting(settings.invitationLinkTtl(workspaceId)));
    return model;
  }

  /**
   * A client's reply goes to the recruiter who submitted the candidate, not to the sending address
   * nobody reads; the Mailer threads the submission's emails into one conversation.
   */
  private static OutgoingEmail toClient(
      SubmissionContext context,
      EmailKind kind,
      Collaborator to,
      String subject,
      MailTemplates.Rendered body) {
    return new OutgoingEmail(
            context.submission().workspaceId(),
            context.submission().id(),
            kind,
            to.email(),
            subject,
            body.text(),
            body.html())
        .withReplyTo(context.recruiter().email());
  }

  /**
   * "72 hours", "1 hour", "90 minutes": the workspace chooses the lifetime, so the email says it as
   * a person would.
   */
  static String lasting(java.time.Duration ttl) {
    long minutes = Math.max(1, ttl.toMinutes());
    if (minutes % 60 != 0 && minutes < 120) {
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    long hours = ttl.toHours();
    return hours + (hours == 1 ? " hour" : " hours");
  }
}
