package com.hirepilot.app.submission.internal;

import com.hirepilot.app.notification.MailTemplates;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.workspace.AgencyBrands;
import com.hirepilot.workflows.submission.EmailKind;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes the email of an automation rule's {@code EMAIL} action: which rule, which candidate and
 * job, what happened, the client's reason, and the submission's console page.
 */
@Component
public class AutomationEmails {

  private final MailTemplates templates;
  private final AgencyBrands brands;
  private final PortalProperties properties;

  AutomationEmails(MailTemplates templates, AgencyBrands brands, PortalProperties properties) {
    this.templates = templates;
    this.brands = brands;
    this.properties = properties;
  }

  /**
   * @param event the lifecycle event's name, as {@link #inWords} tells it
   * @param reason what the client typed, or null
   */
  public OutgoingEmail email(
      SubmissionContext context, String to, String ruleName, String event, String reason) {
    String words = inWords(event);
    String subject =
        ruleName
            + ": "
            + context.candidate().name()
            + " for "
            + context.job().title()
            + " — "
            + words;
    Map<String, Object> model = new HashMap<>();
    model.put("brand", MailTemplates.forEmail(brands.of(context.submission().workspaceId())));
    model.put("subject", subject);
    model.put("ruleName", ruleName);
    model.put("candidateName", context.candidate().name());
    model.put("job", context.job().title());
    model.put("event", words);
    model.put("reasonParagraphs", MailTemplates.paragraphs(reason));
    model.put("link", properties.link("/console/submissions/" + context.id()));
    MailTemplates.Rendered body = templates.render("automation", model);
    return new OutgoingEmail(
        context.submission().workspaceId(),
        context.id(),
        EmailKind.AUTOMATION,
        to,
        subject,
        body.text(),
        body.html());
  }

  /** A trigger as a sentence ends; a name this version does not know reads as itself. */
  static String inWords(String event) {
    if (event == null) {
      return "an automation event";
    }
    return switch (event) {
      case "SUBMISSION_SENT" -> "the submission was sent";
      case "SUBMISSION_VIEWED" -> "the client viewed the submission";
      case "COMMENTED" -> "the client commented";
      case "INTERVIEW_REQUESTED" -> "the client requested an interview";
      case "APPROVED" -> "the client approved";
      case "REJECTED" -> "the client rejected";
      case "WITHDRAWN" -> "the candidate was withdrawn";
      case "NO_RESPONSE" -> "no response after the last reminder";
      default -> event.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }
}
