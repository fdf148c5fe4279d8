package com.hirepilot.app.auth;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.notification.MailTemplates;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.workflows.submission.EmailKind;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The "here is your sign-in link" email, for a link the client asked for and for one a recruiter or
 * support sends them. The link goes into the email and nowhere else: the sender never sees it.
 */
@Component
public class AccessLinkMail {

  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
          .withLocale(Locale.UK)
          .withZone(ZoneOffset.UTC);

  private final LoginLinks links;
  private final Mailer mailer;
  private final MailTemplates templates;

  AccessLinkMail(LoginLinks links, Mailer mailer, MailTemplates templates) {
    this.links = links;
    this.mailer = mailer;
    this.templates = templates;
  }

  /**
   * Emails the collaborator a fresh link to the portal, once per key (a retry with the same key
   * sends nothing more). Their other links keep working.
   *
   * @param purpose {@code REQUESTED} for the short-lived link of the access page, {@code
   *     INVITATION} for one a recruiter sends (the client may open it hours later)
   * @return whether the email was sent by this call
   */
  public boolean send(Collaborator collaborator, LoginLinks.Purpose purpose, String key) {
    return mailer.sendOnce(
        key,
        () -> {
          LoginLinks.Issued link = links.issue(collaborator, purpose, "/portal", key);
          String expires = EXPIRY.format(link.expiresAt()) + " UTC";
          String text =
              """
              Hello %s,

              Here is your new sign-in link to the candidate portal:

              %s

              It works once and until %s. If you did not ask for it, ignore this email.
              """
                  .formatted(collaborator.displayName(), link.url(), expires);
          String html =
              templates.html(
                  "access-link",
                  Map.of(
                      "name", collaborator.displayName(), "link", link.url(), "expires", expires));
          return new OutgoingEmail(
              collaborator.workspaceId(),
              null,
              EmailKind.ACCESS_LINK,
              collaborator.email(),
              "Your sign-in link to the candidate portal",
              text,
              html);
        });
  }
}
