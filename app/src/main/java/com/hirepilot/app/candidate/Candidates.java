package com.hirepilot.app.candidate;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface Candidates extends ListCrudRepository<Candidate, String> {

  Optional<Candidate> findByIdAndWorkspaceId(String id, String workspaceId);
}
