package com.hirepilot.app.workspace;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Recruiters extends ListCrudRepository<Recruiter, String> {

  Optional<Recruiter> findByEmail(String email);

  List<Recruiter> findByWorkspaceIdOrderByName(String workspaceId);
}
