package com.hirepilot.app.submission.internal;

import com.hirepilot.app.candidate.CandidateCard;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.notification.MailTemplates;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.submission.Submission;
import com.hirepilot.app.submission.SubmissionComment;
import com.hirepilot.app.workspace.AgencyBrand;
import com.hirepilot.app.workspace.AgencyBrands;
import com.hirepilot.app.workspace.WorkspaceSettings;
import com.hirepilot.workflows.submission.EmailKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The client's email about the recruiter's replies in a submission's conversation: what was said,
 * and one button back to the candidate. Built only from client-visible fields, like every email to
 * a client.
 */
@Component
public class ReplyEmails {

  private final MailTemplates templates;
  private final AgencyBrands brands;
  private final WorkspaceSettings settings;

  ReplyEmails(MailTemplates templates, AgencyBrands brands, WorkspaceSettings settings) {
    this.templates = templates;
    this.brands = brands;
    this.settings = settings;
  }

  /** One reply reads like one message; several make a digest, oldest first. */
  public OutgoingEmail replies(
      SubmissionContext context, Collaborator to, List<SubmissionComment> replies, String link) {
    Submission submission = context.submission();
    Job job = context.job();
    AgencyBrand brand = MailTemplates.forEmail(brands.of(submission.workspaceId()));
    CandidateCard card = CandidateCard.of(context.candidate());
    String recruiter = context.recruiter().name();
    String validFor = ClientEmails.lasting(settings.invitationLinkTtl(submission.workspaceId()));
    String subject =
        (replies.size() == 1
                ? recruiter + " replied about "
                : replies.size() + " new messages about ")
            + card.name()
            + " for "
            + job.title();
    Map<String, Object> model = new HashMap<>();
    model.put("brand", brand);
    model.put("collaboratorName", to.displayName());
    model.put("recruiterName", recruiter);
    model.put("job", job.title());
    model.put("candidate", card);
    model.put(
        "replies",
        replies.stream()
            .map(
                r -> Map.of("author", r.author(), "paragraphs", MailTemplates.paragraphs(r.body())))
            .toList());
    model.put("link", link);
    model.put("validFor", validFor);
    MailTemplates.Rendered body = templates.render("recruiter-reply", model);
    return new OutgoingEmail(
            submission.workspaceId(),
            submission.id(),
            EmailKind.RECRUITER_REPLY,
            to.email(),
            subject,
            body.text(),
            body.html())
        .withReplyTo(context.recruiter().email());
  }
}
