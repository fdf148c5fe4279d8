package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.notification.EmailKind;
import com.hirepilot.app.notification.MailTemplates;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.Decision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes the submission's emails. What goes to a client is built only from client-visible fields:
 * never the candidate's contact details or the agency's notes.
 */
@Component
class SubmissionEmails {

  private final MailTemplates templates;
  private final PortalProperties properties;

  SubmissionEmails(MailTemplates templates, PortalProperties properties) {
    this.templates = templates;
    this.properties = properties;
  }

  /** The candidate as a client may see them, for the email's summary card. */
  record CandidateCard(
      String name, String title, String currentCompany, List<String> skills, String summary) {

    static CandidateCard of(Candidate c) {
      return new CandidateCard(
          c.name(), c.title(), c.currentCompany(), c.skillNames(), c.summary());
    }
  }

  OutgoingEmail submission(
      Submission submission,
      Job job,
      Candidate candidate,
      List<Attachment> publicAttachments,
      Recruiter recruiter,
      Collaborator to,
      String link) {
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

  OutgoingEmail recruiterNotification(
      Submission submission,
      Job job,
      Candidate candidate,
      Recruiter recruiter,
      ClientDecision decision) {
    String verb = verb(decision.decision());
    String subject = decision.actor() + " " + verb + " " + candidate.name() + " for " + job.title();
    String link = properties.link("/api/submissions/" + submission.id());
    StringBuilder text = new StringBuilder();
    text.append("Hello ").append(recruiter.name()).append(",\n\n");
    text.append(decision.actor())
        .append(" ")
        .append(verb)
        .append(" ")
        .append(candidate.name())
        .append(" for ")
        .append(job.title())
        .append(".\n");
    if (decision.reason() != null && !decision.reason().isBlank()) {
      text.append("\nTheir note: ").append(decision.reason().strip()).append('\n');
    }
    if (decision.availability() != null && !decision.availability().isBlank()) {
      text.append("\nTheir availability: ").append(decision.availability().strip()).append('\n');
    }
    text.append("\nSubmission record: ").append(link).append('\n');

    Map<String, Object> model = new HashMap<>();
    model.put("recruiterName", recruiter.name());
    model.put("actor", decision.actor());
    model.put("verb", verb);
    model.put("candidateName", candidate.name());
    model.put("job", job.title());
    model.put("reasonParagraphs", paragraphs(decision.reason()));
    model.put("availabilityParagraphs", paragraphs(decision.availability()));
    model.put("decision", decision.decision().name());
    model.put("link", link);
    return new OutgoingEmail(
        submission.workspaceId(),
        submission.id(),
        EmailKind.RECRUITER_NOTIFICATION,
        recruiter.email(),
        subject,
        text.toString(),
        templates.html("recruiter-notification", model));
  }

  /** A client has not answered yet: one button back to the candidate, nothing else to read. */
  OutgoingEmail reminder(
      Submission submission,
      Job job,
      Candidate candidate,
      Recruiter recruiter,
      Collaborator to,
      String link,
      int step,
      int steps) {
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

  /** Every reminder went unanswered: over to the recruiter. */
  OutgoingEmail noResponseAlert(
      Submission submission,
      Job job,
      Candidate candidate,
      Recruiter recruiter,
      List<Collaborator> clients,
      int remindersSent) {
    String who =
        clients.isEmpty()
            ? "The client"
            : String.join(", ", clients.stream().map(Collaborator::displayName).toList());
    String subject = "No response yet on " + candidate.name() + " for " + job.title();
    String link = properties.link("/api/submissions/" + submission.id());
    String text =
        "Hello "
            + recruiter.name()
            + ",\n\n"
            + who
            + " has not answered about "
            + candidate.name()
            + " for "
            + job.title()
            + " after "
            + remindersSent
            + " reminder(s). The submission stays open; a call may help, or resend it with"
            + " anything new.\n\nSubmission record: "
            + link
            + "\n";
    Map<String, Object> model = new HashMap<>();
    model.put("recruiterName", recruiter.name());
    model.put("who", who);
    model.put("candidateName", candidate.name());
    model.put("job", job.title());
    model.put("reminders", remindersSent);
    model.put("link", link);
    return new OutgoingEmail(
        submission.workspaceId(),
        submission.id(),
        EmailKind.RECRUITER_ALERT,
        recruiter.email(),
        subject,
        text,
        templates.html("no-response", model));
  }

  /** A client's comment, passed on as text: the client wrote it, so it is never markup. */
  OutgoingEmail commentNotification(
      Submission submission,
      Job job,
      Candidate candidate,
      Recruiter recruiter,
      SubmissionComments.Comment comment) {
    String subject = comment.author() + " commented on " + candidate.name() + " for " + job.title();
    String link = properties.link("/api/submissions/" + submission.id());
    String text =
        "Hello "
            + recruiter.name()
            + ",\n\n"
            + comment.author()
            + " commented on "
            + candidate.name()
            + " for "
            + job.title()
            + ":\n\n"
            + comment.body().strip()
            + "\n\nSubmission record: "
            + link
            + "\n";
    Map<String, Object> model = new HashMap<>();
    model.put("recruiterName", recruiter.name());
    model.put("author", comment.author());
    model.put("candidateName", candidate.name());
    model.put("job", job.title());
    model.put("paragraphs", paragraphs(comment.body()));
    model.put("link", link);
    return new OutgoingEmail(
        submission.workspaceId(),
        submission.id(),
        EmailKind.COMMENT_NOTIFICATION,
        recruiter.email(),
        subject,
        text,
        templates.html("comment", model));
  }

  static String verb(Decision decision) {
    return switch (decision) {
      case APPROVE -> "approved";
      case REJECT -> "rejected";
      case REQUEST_INTERVIEW -> "requested an interview with";
    };
  }

  private static List<String> paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(text.strip().split("\\R\\s*\\R"));
  }

  private static long hours(java.time.Duration ttl) {
    return Math.max(1, ttl.toHours());
  }
}
