package com.hirepilot.app.auth;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.CollaboratorRemoved;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.app.workspace.TokenHashes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Portal sign-in links: a 256-bit random token, stored only as its SHA-256, valid once and until it
 * expires. A new link for a collaborator revokes their older ones.
 */
@Service
public class LoginLinks {

  public enum Purpose {
    /** The link in a submission email: lives for {@code portal.magic-link.ttl}. */
    INVITATION,
    /** A link the client asked for on the access page: short-lived. */
    REQUESTED
  }

  /** A freshly issued link. Carries the secret: hand it to the mailer, never to a log. */
  public record Issued(String url, Instant expiresAt) {}

  /** What a link granted when it was consumed. */
  public record Consumed(String collaboratorId, String targetPath) {}

  /** What a link is, looked at without consuming it. */
  public enum State {
    VALID,
    EXPIRED,
    UNKNOWN
  }

  private final JdbcClient jdbc;
  private final PortalProperties properties;
  private final Clock clock;

  LoginLinks(JdbcClient jdbc, PortalProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Issues a new sign-in link for the collaborator and revokes their older ones.
   *
   * @param targetPath where the portal opens after sign-in
   * @return the absolute link, on the configured origin
   */
  @Transactional
  public Issued issue(Collaborator collaborator, Purpose purpose, String targetPath) {
    String token = TokenHashes.newToken();
    Instant now = clock.instant();
    Duration ttl =
        purpose == Purpose.INVITATION
            ? properties.magicLink().ttl()
            : properties.magicLink().requestedTtl();
    jdbc.sql("delete from login_token where collaborator_id = ?").param(collaborator.id()).update();
    jdbc.sql(
            """
            insert into login_token
              (token_hash, collaborator_id, purpose, target_path, expires_at, created_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            TokenHashes.sha256(token),
            collaborator.id(),
            purpose.name(),
            targetPath,
            Timestamps.param(now.plus(ttl)),
            Timestamps.param(now))
        .update();
    String url =
        properties.link(
            UriComponentsBuilder.fromPath("/portal/login")
                .queryParam("token", token)
                .toUriString());
    return new Issued(url, now.plus(ttl));
  }

  /** Tells whether a link would work, without using it up (mail scanners open links). */
  public State peek(String token) {
    if (token == null || token.isBlank()) {
      return State.UNKNOWN;
    }
    return jdbc.sql("select expires_at from login_token where token_hash = ?")
        .param(TokenHashes.sha256(token))
        .query((rs, n) -> Timestamps.read(rs, "expires_at"))
        .optional()
        .map(expiresAt -> expiresAt.isAfter(clock.instant()) ? State.VALID : State.EXPIRED)
        .orElse(State.UNKNOWN);
  }

  /**
   * Uses the link up. Of any number of concurrent calls with one token, exactly one gets it: the
   * conditional delete is the atomic step.
   */
  @Transactional
  public Optional<Consumed> consume(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String hash = TokenHashes.sha256(token);
    Optional<Consumed> found =
        jdbc.sql("select collaborator_id, target_path from login_token where token_hash = ?")
            .param(hash)
            .query((rs, n) -> new Consumed(rs.getString(1), rs.getString(2)))
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    int deleted =
        jdbc.sql("delete from login_token where token_hash = ? and expires_at > ?")
            .params(hash, Timestamps.param(clock.instant()))
            .update();
    return deleted == 1 ? found : Optional.empty();
  }

  @EventListener
  void revokeLinksOf(CollaboratorRemoved removed) {
    jdbc.sql("delete from login_token where collaborator_id = ?")
        .param(removed.collaboratorId())
        .update();
  }
}
