package com.hirepilot.app.candidate;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

interface Candidates extends ListCrudRepository<Candidate, String> {

  /**
   * Read-only transaction: the skills load with a second statement, which must run on the same
   * connection rather than take another from the pool while this one is held.
   */
  @Transactional(readOnly = true)
  @Query("select * from candidate where id = :id and workspace_id = :workspaceId")
  Optional<Candidate> findByIdAndWorkspaceId(String id, String workspaceId);
}
