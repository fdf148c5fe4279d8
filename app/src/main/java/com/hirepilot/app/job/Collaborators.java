package com.hirepilot.app.job;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Collaborators extends ListCrudRepository<Collaborator, String> {

  @Query("select * from collaborator where job_id = :jobId order by created_at")
  List<Collaborator> findByJobIdOrderByCreatedAt(String jobId);

  @Query("select * from collaborator where job_id = :jobId and status = :status")
  List<Collaborator> findByJobIdAndStatus(String jobId, Collaborator.Status status);

  @Query("select * from collaborator where job_id = :jobId and email = :email")
  Optional<Collaborator> findByJobIdAndEmail(String jobId, String email);

  @Query("select * from collaborator where id = :id and job_id = :jobId")
  Optional<Collaborator> findByIdAndJobId(String id, String jobId);

  @Query(
      "select * from collaborator where workspace_id = :workspaceId and email = :email order by created_at")
  List<Collaborator> findByWorkspaceIdAndEmailOrderByCreatedAt(String workspaceId, String email);

  @Query(
      "select * from collaborator where workspace_id = :workspaceId and status = :status and email in (:emails)")
  List<Collaborator> findByWorkspaceIdAndStatusAndEmailIn(
      String workspaceId, Collaborator.Status status, java.util.Collection<String> emails);

  @Query(
      "select * from collaborator where email = :email and status = :status order by created_at desc")
  List<Collaborator> findByEmailAndStatusOrderByCreatedAtDesc(
      String email, Collaborator.Status status);
}
