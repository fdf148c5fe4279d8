package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateCard;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.notification.MailTemplates;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.workspace.AgencyBrand;
import com.hirepilot.app.workspace.AgencyBrands;
import com.hirepilot.app.workspace.Recruiter;
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
 * "HirePilot"), has one button to the portal, and a plain-text part with the same facts as its
 * HTML, for mail clients and readers that show only text.
 */
@Component
class ClientEmails {

  private final MailTemplates templates;
  private final AgencyBrands brands;
  private final WorkspaceSettings settings;

  ClientEmails(MailTemplates templates, AgencyBrands brands, WorkspaceSettings settings) {
    this.templates = templates;
    this.brands = brands;
    this.settings = settings;
  }

  OutgoingEmail submission(
      SubmissionContext context, List<Attachment> publicAttachments, Collaborator to, String link) {
    Submission submission = context.submission();
    Job job = context.job();
    Candidate candidate = context.candidate();
    Recruiter recruiter = context.recruiter();
    AgencyBrand brand = MailTemplates.forEmail(brands.of(submission.workspaceId()));
    CandidateCard card = CandidateCard.of(candidate);
    List<String> files = publicAttachments.stream().map(Attachment::filename).toList();
    List<String> message = paragraphs(submission.message());
    boolean updated = submission.emailRound() > 1;
    String validFor = lasting(settings.invitationLinkTtl(submission.workspaceId()));
    String subject =
        (updated ? "Updated: candidate for " : "New candidate for ")
            + job.title()
            + ": "
            + card.name();
    StringBuilder text = new StringBuilder();
    text.append("Hello ").append(to.displayName()).append(",\n\n");
    if (updated) {
      text.append(
          "This submission was updated: the portal shows the latest files and message.\n\n");
    }
    text.append(recruiter.name())
        .append(" at ")
        .append(brand.name())
        .append(" submitted a candidate for ")
        .append(job.title())
        .append(atCompany(job.clientCompany()))
        .append(".\n\n");
    if (!message.isEmpty()) {
      text.append("Message from ").append(recruiter.name()).append(":\n");
      text.append(String.join("\n\n", message)).append("\n\n");
    }
    text.append(card.name());
    if (card.title() != null) {
      text.append(" — ").append(card.title());
    }
    text.append(atCompany(card.currentCompany())).append('\n');
    if (!card.skills().isEmpty()) {
      text.append("Skills: ").append(String.join(", ", card.skills())).append('\n');
    }
    if (card.summary() != null && !card.summary().isBlank()) {
      text.append('\n').append(card.summary().strip()).append('\n');
    }
    if (!files.isEmpty()) {
      text.append("\nFiles in the portal: ").append(String.join(", ", files)).append('\n');
    }
    text.append("\nView candidate (approve, reject or request an interview in the portal):\n")
        .append(link)
        .append("\n\nThe link signs you in once and works for ")
        .append(validFor)
        .append(".\n\n")
        .append(signature(brand));

    Map<String, Object> model = new HashMap<>();
    model.put("brand", brand);
    model.put("collaboratorName", to.displayName());
    model.put("recruiterName", recruiter.name());
    model.put("job", job.title());
    model.put("clientCompany", job.clientCompany());
    model.put("messageParagraphs", message);
    model.put("candidate", card);
    model.put("attachments", files);
    model.put("link", link);
    model.put("validFor", validFor);
    model.put("updated", updated);
    return new OutgoingEmail(
        submission.workspaceId(),
        submission.id(),
        EmailKind.SUBMISSION,
        to.email(),
        subject,
        text.toString(),
        templates.html("submission", model));
  }

  /** A client has not answered yet: one button back to the candidate, nothing else to read. */
  OutgoingEmail reminder(
      SubmissionContext context, Collaborator to, String link, int step, int steps) {
    Submission submission = context.submission();
    Job job = context.job();
    Candidate candidate = context.candidate();
    Recruiter recruiter = context.recruiter();
    AgencyBrand brand = MailTemplates.forEmail(brands.of(submission.workspaceId()));
    CandidateCard card = CandidateCard.of(candidate);
    boolean last = step == steps;
    String validFor = lasting(settings.invitationLinkTtl(submission.workspaceId()));
    String subject =
        "Reminder: " + card.name() + " for " + job.title() + " is waiting for your feedback";
    StringBuilder text = new StringBuilder();
    text.append("Hello ").append(to.displayName()).append(",\n\n");
    text.append(recruiter.name())
        .append(" at ")
        .append(brand.name())
        .append(" is waiting for your feedback on ")
        .append(card.name());
    if (card.title() != null) {
      text.append(" (").append(card.title()).append(')');
    }
    text.append(" for ").append(job.title()).append(atCompany(job.clientCompany())).append(".\n\n");
    if (last) {
      text.append(
          "This is the last reminder; your recruiter will follow up with you directly.\n\n");
    }
    text.append("View candidate (approve, reject or request an interview in the portal):\n")
        .append(link)
        .append("\n\nThe link signs you in once and works for ")
        .append(validFor)
        .append(".\n\n")
        .append(signature(brand));
    Map<String, Object> model = new HashMap<>();
    model.put("brand", brand);
    model.put("collaboratorName", to.displayName());
    model.put("recruiterName", recruiter.name());
    model.put("candidate", card);
    model.put("job", job.title());
    model.put("clientCompany", job.clientCompany());
    model.put("link", link);
    model.put("validFor", validFor);
    model.put("last", last);
    return new OutgoingEmail(
        submission.workspaceId(),
        submission.id(),
        EmailKind.REMINDER,
        to.email(),
        subject,
        text.toString(),
        templates.html("reminder", model));
  }

  /** The closing line of the text part, as the HTML part signs off. */
  static String signature(AgencyBrand brand) {
    return "— " + brand.name() + "\n";
  }

  private static String atCompany(String company) {
    return company == null || company.isBlank() ? "" : " at " + company.strip();
  }

  static List<String> paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(text.strip().split("\\R\\s*\\R"));
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
