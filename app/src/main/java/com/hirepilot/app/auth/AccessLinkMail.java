package com.hirepilot.app.auth;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.MailTemplates;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.workspace.AgencyBrand;
import com.hirepilot.app.workspace.AgencyBrands;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.app.workspace.RecruiterDirectory;
import com.hirepilot.workflows.submission.EmailKind;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The "here is your sign-in link" email, for a link the client asked for and for one a recruiter or
 * support sends them. The link goes into the email and nowhere else: the sender never sees it.
 *
 * <p>It carries the brand of the collaborator's agency, one button, and a text part read out of its
 * HTML, like the submission emails; a reply goes to the recruiter who owns the job.
 */
@Component
public class AccessLinkMail {

  /**
   * When the link stops working, in UTC and said so: the server cannot know the client's zone, so
   * the email also says how long the link lasts.
   */
  static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final LoginLinks links;
  private final Mailer mailer;
  private final MailTemplates templates;
  private final AgencyBrands brands;
  private final JobService jobs;
  private final RecruiterDirectory recruiters;

  AccessLinkMail(
      LoginLinks links,
      Mailer mailer,
      MailTemplates templates,
      AgencyBrands brands,
      JobService jobs,
      RecruiterDirectory recruiters) {
    this.links = links;
    this.mailer = mailer;
    this.templates = templates;
    this.brands = brands;
    this.jobs = jobs;
    this.recruiters = recruiters;
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
          return compose(collaborator, link).withReplyTo(recruiterOf(collaborator));
        });
  }

  /**
   * The email for a link already issued; it issues nothing and writes nothing, so the console's
   * preview shows the very email with a sample link.
   */
  public OutgoingEmail compose(Collaborator collaborator, LoginLinks.Issued link) {
    AgencyBrand brand = MailTemplates.forEmail(brands.of(collaborator.workspaceId()));
    Map<String, Object> model = new HashMap<>();
    model.put("brand", brand);
    model.put("name", collaborator.displayName());
    model.put("link", link.url());
    model.put("expires", EXPIRY.format(link.expiresAt()));
    model.put("validFor", lasting(link.lifetime()));
    MailTemplates.Rendered body = templates.render("access-link", model);
    return new OutgoingEmail(
        collaborator.workspaceId(),
        null,
        EmailKind.ACCESS_LINK,
        collaborator.email(),
        "Your sign-in link to the candidate portal",
        body.text(),
        body.html());
  }

  /**
   * Where the client's reply goes: the recruiter who owns the job they collaborate on (the person
   * they work with), or the sender when the job or its owner is gone.
   */
  private String recruiterOf(Collaborator collaborator) {
    return jobs.find(collaborator.workspaceId(), collaborator.jobId())
        .filter(job -> job.ownerId() != null)
        .flatMap(job -> recruiters.find(job.ownerId()))
        .map(Recruiter::email)
        .orElse(null);
  }

  /** "15 minutes", "72 hours": whole minutes up to two hours, whole hours beyond. */
  static String lasting(Duration ttl) {
    long minutes = Math.max(1, ttl.toMinutes());
    if (minutes < 120) {
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    return ttl.toHours() + " hours";
  }
}
