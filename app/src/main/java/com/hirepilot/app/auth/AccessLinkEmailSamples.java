package com.hirepilot.app.auth;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.notification.EmailSamples;
import com.hirepilot.app.system.PortalProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The sign-in link email for the console's preview, with a link that is issued nowhere. */
@Component
@Order(2)
class AccessLinkEmailSamples implements EmailSamples {

  private final AccessLinkMail mail;
  private final PortalProperties properties;
  private final Clock clock;

  AccessLinkEmailSamples(AccessLinkMail mail, PortalProperties properties, Clock clock) {
    this.mail = mail;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public List<Sample> samples() {
    return List.of(
        new Sample(
            "access-link",
            "Sign-in link",
            "Client",
            "A client asks for a new link on the access page (shown), or a recruiter sends one.",
            sender -> {
              Duration lifetime = properties.magicLink().requestedTtl();
              Collaborator client =
                  new Collaborator(
                      "sample",
                      sender.workspaceId(),
                      "sample",
                      "casey.morgan@globex.example",
                      "Casey Morgan",
                      Collaborator.Status.ACTIVE,
                      null,
                      clock.instant());
              return mail.compose(
                      client,
                      new LoginLinks.Issued(
                          properties.link("/portal/login?token=sample"),
                          clock.instant().plus(lifetime),
                          lifetime))
                  .withReplyTo(sender.recruiterEmail());
            }));
  }
}
