package com.hirepilot.app.job;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Jobs extends ListCrudRepository<Job, String> {

  Optional<Job> findByIdAndWorkspaceId(String id, String workspaceId);
}
