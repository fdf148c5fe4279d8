package com.hirepilot.app.workspace;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ApiTokens extends ListCrudRepository<ApiToken, String> {

  @Query("select * from api_token where workspace_id = :workspaceId order by created_at desc")
  List<ApiToken> findByWorkspaceIdOrderByCreatedAtDesc(String workspaceId);

  @Modifying
  @Query(
      "update api_token set revoked_at = :at"
          + " where id = :id and workspace_id = :workspaceId and revoked_at is null")
  int revoke(String id, String workspaceId, java.time.Instant at);
}
