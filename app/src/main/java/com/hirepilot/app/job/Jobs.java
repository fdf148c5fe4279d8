package com.hirepilot.app.job;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Jobs extends ListCrudRepository<Job, String> {

  Optional<Job> findByIdAndWorkspaceId(String id, String workspaceId);

  /**
   * The jobs a client person reviews: one collaborator record per job, all with the same address in
   * the same workspace, each still active. Oldest job first.
   */
  @Query(
      """
      select j.* from job j join collaborator c on c.job_id = j.id
      where c.email = :email and c.workspace_id = :workspaceId and c.status = 'ACTIVE'
      order by j.created_at, j.id
      """)
  List<Job> findOpenTo(String email, String workspaceId);

  @Query(
      """
      select j.* from job j join collaborator c on c.job_id = j.id
      where j.id = :jobId and c.email = :email and c.workspace_id = :workspaceId
        and c.status = 'ACTIVE'
      """)
  Optional<Job> findOpenTo(String jobId, String email, String workspaceId);
}
