package com.hirepilot.app.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The {@code portal.*} settings of the configuration contract (shared api.md). */
@ConfigurationProperties("portal")
public record PortalProperties(
    URI baseUrl,
    Path dataDir,
    Bootstrap bootstrap,
    Demo demo,
    Mail mail,
    Reminders reminders,
    MagicLink magicLink,
    Attachments attachments,
    Comments comments,
    Session session) {

  /**
   * @param password the owner's first console password; generated (and printed once) when unset
   */
  public record Bootstrap(String token, String email, String password) {}

  public record Demo(boolean enabled) {}

  /**
   * @param embeddedPort the in-process SMTP server's port; 0 picks a free one
   */
  public record Mail(boolean embedded, String from, int embeddedPort) {}

  public record Reminders(List<Duration> schedule) {}

  /**
   * @param ttl lifetime of the invitation link in a submission email
   * @param requestedTtl lifetime of a link the client asked for on the access page
   */
  public record MagicLink(Duration ttl, Duration requestedTtl) {}

  public record Attachments(DataSize maxSize) {}

  /**
   * @param digestWindow after the recruiter hears of a client's comment, how long the comments that
   *     follow are gathered into one digest email
   */
  public record Comments(Duration digestWindow) {}

  /**
   * @param absoluteLifetime how long a portal session lasts at most, however active; the idle
   *     timeout is {@code server.servlet.session.timeout}
   */
  public record Session(Duration absoluteLifetime) {}

  /** An absolute link into this app, always on the configured origin, never the request's. */
  public String link(String pathAndQuery) {
    String origin = baseUrl.toString();
    if (origin.endsWith("/")) {
      origin = origin.substring(0, origin.length() - 1);
    }
    return origin + pathAndQuery;
  }
}
