package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateCard;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.notification.MailTemplates;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.workflows.submission.EmailKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes the emails a submission sends its client. They are built only from client-visible fields
 * ({@link CandidateCard}): never the candidate's contact details or the agency's notes.
 */
@Component
class ClientEmails {

  private final MailTemplates templates;
  private final PortalProperties properties;

  ClientEmails(MailTemplates templates, PortalProperties properties) {
    this.templates = templates;
    this.properties = properties;
  }

  OutgoingEmail submission(
      SubmissionContext context, List<Attachment> publicAttachments, Collaborator to, String link) {
    Submission submission = context.submission();
    Job job = context.job();
    Candidate candidate = context.candidate();
    Recruiter recruiter = context.recruiter();
    CandidateCard card = CandidateCard.of(candidate);
    String subject =
        (submission.emailRound() > 1 ? "Updated: candidate for " : "New candidate for ")
            + job.title()
            + ": "
            + card.name();
    StringBuilder text = new StringBuilder();
    text.append("Hello ").append(to.displayName()).append(",\n\n");
    text.append(recruiter.name())
        .append(" submitted a candidate for ")
        .append(job.title())
        .append(".\n\n");
    if (submission.message() != null && !submission.message().isBlank()) {
      text.append(submission.message().strip()).append("\n\n");
    }
    text.append(card.name());
    if (card.title() != null) {
      text.append(" — ").append(card.title());
    }
    if (card.currentCompany() != null) {
      text.append(" at ").append(card.currentCompany());
    }
    text.append('\n');
    if (!card.skills().isEmpty()) {
      text.append("Skills: ").append(String.join(", ", card.skills())).append('\n');
    }
    if (card.summary() != null) {
      text.append('\n').append(card.summary().strip()).append('\n');
    }
    if (!publicAttachments.isEmpty()) {
      text.append("\nAttached in the portal: ");
      text.append(String.join(", ", publicAttachments.stream().map(Attachment::filename).toList()));
      text.append('\n');
    }
    text.append("\nView the candidate and approve, reject or request an interview:\n")
        .append(link)
        .append("\n\nThe link signs you in once and works for ")
        .append(hours(properties.magicLink().ttl()))
        .append(" hours.\n");

    Map<String, Object> model = new HashMap<>();
    model.put("collaboratorName", to.displayName());
    model.put("recruiterName", recruiter.name());
    model.put("job", job.title());
    model.put("clientCompany", job.clientCompany());
    model.put("messageParagraphs", paragraphs(submission.message()));
    model.put("candidate", card);
    model.put("attachments", publicAttachments.stream().map(Attachment::filename).toList());
    model.put("link", link);
    model.put("hours", hours(properties.magicLink().ttl()));
    model.put("updated", submission.emailRound() > 1);
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
    String subject =
        "Reminder: " + candidate.name() + " for " + job.title() + " is waiting for your feedback";
    String text =
        "Hello "
            + to.displayName()
            + ",\n\n"
            + recruiter.name()
            + " submitted "
            + candidate.name()
            + " for "
            + job.title()
            + " and is waiting for your feedback. Approve, reject or request an interview:\n"
            + link
            + "\n\nThe link signs you in once and works for "
            + hours(properties.magicLink().ttl())
            + " hours.\n";
    Map<String, Object> model = new HashMap<>();
    model.put("collaboratorName", to.displayName());
    model.put("recruiterName", recruiter.name());
    model.put("candidateName", candidate.name());
    model.put("job", job.title());
    model.put("link", link);
    model.put("hours", hours(properties.magicLink().ttl()));
    model.put("last", step == steps);
    return new OutgoingEmail(
        submission.workspaceId(),
        submission.id(),
        EmailKind.REMINDER,
        to.email(),
        subject,
        text,
        templates.html("reminder", model));
  }

  static List<String> paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(text.strip().split("\\R\\s*\\R"));
  }

  private static long hours(java.time.Duration ttl) {
    return Math.max(1, ttl.toHours());
  }
}
