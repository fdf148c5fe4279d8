package com.hirepilot.app.job;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Jobs extends ListCrudRepository<Job, String> {

  @Query("select * from job where id = :id and workspace_id = :workspaceId")
  Optional<Job> findByIdAndWorkspaceId(String id, String workspaceId);
}
