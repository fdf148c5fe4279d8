package com.hirepilot.app.workspace;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Recruiters extends ListCrudRepository<Recruiter, String> {

  @Query("select * from recruiter where email = :email")
  Optional<Recruiter> findByEmail(String email);

  @Query("select * from recruiter where workspace_id = :workspaceId order by name")
  List<Recruiter> findByWorkspaceIdOrderByName(String workspaceId);

  /** The owner of an unrevoked API token, in one statement: every API request asks this. */
  @Query(
      "select r.* from recruiter r join api_token t on t.recruiter_id = r.id"
          + " where t.token_hash = :tokenHash and t.revoked_at is null")
  Optional<Recruiter> findByActiveApiTokenHash(String tokenHash);
}
