package com.hirepilot.app.auth;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.CollaboratorRemoved;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.app.workspace.TokenHashes;
import com.hirepilot.app.workspace.WorkspaceSettings;
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
 * expires. Issuing a link never revokes another (a stranger who asks for a link for a client's
 * address must not kill the links in her inbox); a link ends when it is used, when it expires, or
 * when its collaborator is removed.
 */
@Service
public class LoginLinks {

  /** Expired links are kept this long so that opening one says "expired", not "unknown". */
  private static final Duration KEEP_EXPIRED = Duration.ofDays(30);

  public enum Purpose {
    /**
     * The link in a submission, reminder or recruiter-sent email: lives for the workspace's {@code
     * magicLinkTtl}, else {@code portal.magic-link.ttl}.
     */
    INVITATION,
    /** A link the client asked for on the access page: short-lived. */
    REQUESTED
  }

  /**
   * A freshly issued link. Carries the secret: hand it to the mailer, never to a log.
   *
   * @param lifetime how long it works from now, for the email to say
   */
  public record Issued(String url, Instant expiresAt, Duration lifetime) {}

  /** What a link granted when it was consumed. */
  public record Consumed(String collaboratorId, String targetPath) {}

  /** What a link is, looked at without consuming it. */
  public enum State {
    VALID,
    USED,
    EXPIRED,
    /** The agency removed the collaborator: their links ended with their access. */
    REVOKED,
    UNKNOWN
  }

  /**
   * A link looked at without using it up. {@code collaboratorId} and {@code targetPath} are known
   * for every state but {@link State#UNKNOWN}: they let the link's signed-in owner straight in.
   */
  public record Look(State state, String collaboratorId, String targetPath) {
    static final Look UNKNOWN = new Look(State.UNKNOWN, null, null);

    /** Whether this is the link of the collaborator signed in now. */
    public boolean ownedBy(String signedInCollaboratorId) {
      return state != State.UNKNOWN
          && state != State.REVOKED
          && collaboratorId != null
          && collaboratorId.equals(signedInCollaboratorId);
    }
  }

  private final JdbcClient jdbc;
  private final PortalProperties properties;
  private final WorkspaceSettings settings;
  private final Clock clock;

  LoginLinks(
      JdbcClient jdbc, PortalProperties properties, WorkspaceSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Issues a new sign-in link for the collaborator. The collaborator's other links keep working.
   *
   * @param targetPath where the portal opens after sign-in
   * @param issuedFor the key of the email that carries the link. A retried send of that email
   *     replaces the link its failed attempt issued, so one email never leaves two working links.
   * @return the absolute link, on the configured origin
   */
  @Transactional
  public Issued issue(
      Collaborator collaborator, Purpose purpose, String targetPath, String issuedFor) {
    String token = TokenHashes.newToken();
    Instant now = clock.instant();
    Duration ttl =
        purpose == Purpose.INVITATION
            ? settings.invitationLinkTtl(collaborator.workspaceId())
            : properties.magicLink().requestedTtl();
    jdbc.sql("delete from login_token where issued_for = ? and used_at is null")
        .param(issuedFor)
        .update();
    // Housekeeping on the way: links long expired say nothing useful any more.
    jdbc.sql("delete from login_token where collaborator_id = ? and expires_at < ?")
        .params(collaborator.id(), Timestamps.param(now.minus(KEEP_EXPIRED)))
        .update();
    jdbc.sql(
            """
            insert into login_token
              (token_hash, collaborator_id, purpose, target_path, expires_at, created_at,
               issued_for)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            TokenHashes.sha256(token),
            collaborator.id(),
            purpose.name(),
            targetPath,
            Timestamps.param(now.plus(ttl)),
            Timestamps.param(now),
            issuedFor)
        .update();
    String url =
        properties.link(
            UriComponentsBuilder.fromPath("/portal/login")
                .queryParam("token", token)
                .toUriString());
    return new Issued(url, now.plus(ttl), ttl);
  }

  /** Tells what a link is, without using it up (mail scanners open links). */
  public Look peek(String token) {
    if (token == null || token.isBlank()) {
      return Look.UNKNOWN;
    }
    Instant now = clock.instant();
    return jdbc.sql(
            """
            select collaborator_id, target_path, expires_at, used_at, revoked_at
              from login_token where token_hash = ?
            """)
        .param(TokenHashes.sha256(token))
        .query(
            (rs, n) -> {
              State state;
              if (Timestamps.read(rs, "revoked_at") != null) {
                state = State.REVOKED;
              } else if (Timestamps.read(rs, "used_at") != null) {
                state = State.USED;
              } else if (Timestamps.read(rs, "expires_at").isAfter(now)) {
                state = State.VALID;
              } else {
                state = State.EXPIRED;
              }
              return new Look(state, rs.getString("collaborator_id"), rs.getString("target_path"));
            })
        .optional()
        .orElse(Look.UNKNOWN);
  }

  /**
   * Uses the link up. Of any number of concurrent calls with one token, exactly one gets it: the
   * conditional update is the atomic step.
   */
  @Transactional
  public Optional<Consumed> consume(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String hash = TokenHashes.sha256(token);
    Instant now = clock.instant();
    int used =
        jdbc.sql(
                """
                update login_token set used_at = ?
                 where token_hash = ? and used_at is null and revoked_at is null and expires_at > ?
                """)
            .params(Timestamps.param(now), hash, Timestamps.param(now))
            .update();
    if (used != 1) {
      return Optional.empty();
    }
    return jdbc.sql("select collaborator_id, target_path from login_token where token_hash = ?")
        .param(hash)
        .query((rs, n) -> new Consumed(rs.getString(1), rs.getString(2)))
        .optional();
  }

  /**
   * What support may know of a collaborator's links, never the links themselves: the latest one
   * (when sent, what for, until when, whether used) and when they last signed in.
   */
  public record History(
      Instant lastSentAt,
      Purpose lastPurpose,
      Instant lastExpiresAt,
      Instant lastUsedAt,
      Instant lastSignInAt) {

    /** {@code VALID}, {@code USED}, {@code EXPIRED}, or {@code NONE} when no link was sent. */
    public String lastLinkState(Instant now) {
      if (lastSentAt == null) {
        return "NONE";
      }
      if (lastUsedAt != null) {
        return State.USED.name();
      }
      return lastExpiresAt.isAfter(now) ? State.VALID.name() : State.EXPIRED.name();
    }
  }

  /** The link history of each of these collaborators, in two statements. */
  @Transactional(readOnly = true)
  public java.util.Map<String, History> historyOf(java.util.Collection<String> collaboratorIds) {
    java.util.Map<String, History> out = new java.util.HashMap<>();
    if (collaboratorIds.isEmpty()) {
      return out;
    }
    java.util.Map<String, Instant> signIns = new java.util.HashMap<>();
    jdbc.sql(
            """
            select collaborator_id, max(used_at) as signed_in from login_token
             where collaborator_id in (:ids) group by collaborator_id
            """)
        .param("ids", collaboratorIds)
        .query(
            rs -> {
              signIns.put(rs.getString("collaborator_id"), Timestamps.read(rs, "signed_in"));
            });
    jdbc.sql(
            """
            select collaborator_id, purpose, created_at, expires_at, used_at from login_token
             where collaborator_id in (:ids) order by created_at
            """)
        .param("ids", collaboratorIds)
        .query(
            rs -> {
              String id = rs.getString("collaborator_id");
              out.put(
                  id,
                  new History(
                      Timestamps.read(rs, "created_at"),
                      Purpose.valueOf(rs.getString("purpose")),
                      Timestamps.read(rs, "expires_at"),
                      Timestamps.read(rs, "used_at"),
                      signIns.get(id)));
            });
    return out;
  }

  @EventListener
  void revokeLinksOf(CollaboratorRemoved removed) {
    // Kept, marked: opening one then says the access ended, rather than "unknown link".
    jdbc.sql(
            "update login_token set revoked_at = ? where collaborator_id = ? and revoked_at is null")
        .params(Timestamps.param(clock.instant()), removed.collaboratorId())
        .update();
  }
}
