package com.hirepilot.app.workspace;

import com.hirepilot.app.system.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agency logos, one row per workspace that has one (table {@code workspace_logo}). */
@Repository
class WorkspaceLogos {

  /** A stored logo. */
  record Logo(String contentType, byte[] content, String digest) {}

  private final JdbcClient jdbc;

  WorkspaceLogos(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Logo> find(String workspaceId) {
    return jdbc.sql(
            "select content_type, content, digest from workspace_logo where workspace_id = ?")
        .param(workspaceId)
        .query((rs, n) -> new Logo(rs.getString(1), rs.getBytes(2), rs.getString(3)))
        .optional();
  }

  /** Replaces the workspace's logo: one delete and one insert, in the caller's transaction. */
  void put(String workspaceId, String contentType, byte[] content, String digest, Instant now) {
    remove(workspaceId);
    jdbc.sql(
            """
            insert into workspace_logo
              (workspace_id, content_type, content, size, digest, updated_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(workspaceId, contentType, content, content.length, digest, Timestamps.param(now))
        .update();
  }

  boolean remove(String workspaceId) {
    return jdbc.sql("delete from workspace_logo where workspace_id = ?").param(workspaceId).update()
        > 0;
  }
}
