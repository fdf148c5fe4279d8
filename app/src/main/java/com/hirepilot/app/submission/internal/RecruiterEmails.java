package com.hirepilot.app.submission.internal;

import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.notification.MailTemplates;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.submission.Submission;
import com.hirepilot.app.submission.SubmissionComment;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.EmailKind;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes the emails that tell the recruiter what the client did, or did not do. What the client
 * wrote goes in as text; the templates escape it.
 */
@Component
public class RecruiterEmails {

  private static final DateTimeFormatter COMMENT_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.UK)
          .withZone(ZoneOffset.UTC);

  private final MailTemplates templates;
  private final PortalProperties properties;

  RecruiterEmails(MailTemplates templates, PortalProperties properties) {
    this.templates = templates;
    this.properties = properties;
  }

  public OutgoingEmail decision(SubmissionContext context, ClientDecision decision) {
    Submission submission = context.submission();
    Job job = context.job();
    Candidate candidate = context.candidate();
    Recruiter recruiter = context.recruiter();
    String verb = verb(decision.decision());
    String subject = decision.actor() + " " + verb + " " + candidate.name() + " for " + job.title();
    String link = consoleLink(submission);
    Map<String, Object> model = new HashMap<>();
    model.put("recruiterName", recruiter.name());
    model.put("actor", decision.actor());
    model.put("verb", verb);
    model.put("candidateName", candidate.name());
    model.put("job", job.title());
    model.put("reasonParagraphs", MailTemplates.paragraphs(decision.reason()));
    model.put("availabilityParagraphs", MailTemplates.paragraphs(decision.availability()));
    model.put("decision", decision.decision().name());
    model.put("link", link);
    return toRecruiter(
        context, EmailKind.RECRUITER_NOTIFICATION, subject, "recruiter-notification", model);
  }

  /** Every reminder went unanswered: over to the recruiter. */
  public OutgoingEmail noResponseAlert(
      SubmissionContext context, List<Collaborator> clients, int remindersSent) {
    Submission submission = context.submission();
    Job job = context.job();
    Candidate candidate = context.candidate();
    Recruiter recruiter = context.recruiter();
    String who =
        clients.isEmpty()
            ? "The client"
            : String.join(", ", clients.stream().map(Collaborator::displayName).toList());
    String subject = "No response yet on " + candidate.name() + " for " + job.title();
    String link = consoleLink(submission);
    Map<String, Object> model = new HashMap<>();
    model.put("recruiterName", recruiter.name());
    model.put("who", who);
    model.put("candidateName", candidate.name());
    model.put("job", job.title());
    model.put("reminders", remindersSent);
    model.put("link", link);
    return toRecruiter(context, EmailKind.RECRUITER_ALERT, subject, "no-response", model);
  }

  /**
   * Client comments passed on as text, never markup. One comment reads as that comment; several (a
   * burst within the digest window) arrive as one digest, oldest first.
   */
  public OutgoingEmail comments(SubmissionContext context, List<SubmissionComment> comments) {
    Submission submission = context.submission();
    Job job = context.job();
    Candidate candidate = context.candidate();
    Recruiter recruiter = context.recruiter();
    boolean digest = comments.size() > 1;
    SubmissionComment first = comments.get(0);
    String subject =
        digest
            ? comments.size() + " new comments on " + candidate.name() + " for " + job.title()
            : first.author() + " commented on " + candidate.name() + " for " + job.title();
    String link = consoleLink(submission);
    Map<String, Object> model = new HashMap<>();
    model.put("recruiterName", recruiter.name());
    model.put("candidateName", candidate.name());
    model.put("job", job.title());
    model.put("digest", digest);
    model.put(
        "comments",
        comments.stream()
            .map(
                comment ->
                    Map.of(
                        "author",
                        comment.author(),
                        "at",
                        COMMENT_TIME.format(comment.at()) + " UTC",
                        "paragraphs",
                        MailTemplates.paragraphs(comment.body())))
            .toList());
    model.put("link", link);
    return toRecruiter(context, EmailKind.COMMENT_NOTIFICATION, subject, "comment", model);
  }

  /**
   * The recruiter's console page of the submission, behind the recruiter sign-in. The origin is
   * always portal.base-url: these emails are written by workflow activities, far from any request.
   */
  private String consoleLink(Submission submission) {
    return properties.link("/console/submissions/" + submission.id());
  }

  public static String verb(Decision decision) {
    return switch (decision) {
      case APPROVE -> "approved";
      case REJECT -> "rejected";
      case REQUEST_INTERVIEW -> "requested an interview with";
    };
  }

  /** Both parts from the template; a recruiter replies in the console, so no Reply-To. */
  private OutgoingEmail toRecruiter(
      SubmissionContext context,
      EmailKind kind,
      String subject,
      String template,
      Map<String, Object> model) {
    MailTemplates.Rendered body = templates.render(template, model);
    return new OutgoingEmail(
        context.submission().workspaceId(),
        context.submission().id(),
        kind,
        context.recruiter().email(),
        subject,
        body.text(),
        body.html());
  }
}
