package com.hirepilot.app.workspace;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Recruiters extends ListCrudRepository<Recruiter, String> {

  Optional<Recruiter> findByApiTokenHash(String apiTokenHash);
}
