package com.hirepilot.app.auth;

import com.hirepilot.app.job.CollaboratorLinks;
import com.hirepilot.app.system.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The link summaries the recruiter API shows per collaborator, from {@code login_token}. */
@Component
class CollaboratorLinkSummaries implements CollaboratorLinks {

  private final JdbcClient jdbc;
  private final Clock clock;

  CollaboratorLinkSummaries(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Map<String, LinkSummary> summaries(Collection<String> collaboratorIds) {
    Map<String, Summing> byCollaborator = new HashMap<>();
    if (collaboratorIds.isEmpty()) {
      return Map.of();
    }
    Instant now = clock.instant();
    // Oldest first, so the last row seen per collaborator is their latest link.
    jdbc.sql(
            """
            select collaborator_id, created_at, expires_at, used_at, revoked_at from login_token
             where collaborator_id in (:ids) order by created_at, token_hash
            """)
        .param("ids", collaboratorIds)
        .query(
            rs -> {
              Summing s =
                  byCollaborator.computeIfAbsent(
                      rs.getString("collaborator_id"), id -> new Summing());
              Instant used = Timestamps.read(rs, "used_at");
              Instant revoked = Timestamps.read(rs, "revoked_at");
              Instant expires = Timestamps.read(rs, "expires_at");
              s.lastSent = Timestamps.read(rs, "created_at");
              if (used != null && (s.lastSeen == null || used.isAfter(s.lastSeen))) {
                s.lastSeen = used;
              }
              s.latest =
                  revoked != null
                      ? "REVOKED"
                      : used != null ? "USED" : expires.isAfter(now) ? "ACTIVE" : "EXPIRED";
              s.anyActive |= "ACTIVE".equals(s.latest);
            });
    Map<String, LinkSummary> out = new HashMap<>();
    byCollaborator.forEach(
        (id, s) ->
            out.put(
                id, new LinkSummary(s.lastSent, s.lastSeen, s.anyActive ? "ACTIVE" : s.latest)));
    return out;
  }

  private static final class Summing {
    Instant lastSent;
    Instant lastSeen;
    String latest;
    boolean anyActive;
  }
}
