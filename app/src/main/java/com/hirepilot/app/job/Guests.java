package com.hirepilot.app.job;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Guests extends ListCrudRepository<Guest, String> {

  Optional<Guest> findByIdAndWorkspaceId(String id, String workspaceId);

  Optional<Guest> findByWorkspaceIdAndEmail(String workspaceId, String email);

  List<Guest> findByWorkspaceIdAndCompanyKey(String workspaceId, String companyKey);

  List<Guest> findByWorkspaceIdOrderByCreatedAtDesc(String workspaceId);
}
