package com.hirepilot.app.job;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Guests extends ListCrudRepository<Guest, String> {

  @Query("select * from guest where id = :id and workspace_id = :workspaceId")
  Optional<Guest> findByIdAndWorkspaceId(String id, String workspaceId);

  @Query("select * from guest where workspace_id = :workspaceId and email = :email")
  Optional<Guest> findByWorkspaceIdAndEmail(String workspaceId, String email);

  @Query("select * from guest where workspace_id = :workspaceId and company_key = :companyKey")
  List<Guest> findByWorkspaceIdAndCompanyKey(String workspaceId, String companyKey);

  @Query("select * from guest where workspace_id = :workspaceId order by created_at desc")
  List<Guest> findByWorkspaceIdOrderByCreatedAtDesc(String workspaceId);
}
