package com.hirepilot.app.workspace;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's recruiters, as other features may know them. */
@Service
public class RecruiterDirectory {

  private final Recruiters recruiters;

  RecruiterDirectory(Recruiters recruiters) {
    this.recruiters = recruiters;
  }

  public Optional<Recruiter> find(String recruiterId) {
    return recruiters.findById(recruiterId);
  }

  /** The recruiter who signs in to the console with this address. */
  public Optional<Recruiter> byEmail(String email) {
    return recruiters.findByEmail(Recruiter.normalisedEmail(email));
  }

  /** The recruiter whose active (unrevoked) API token this is, found by the token's hash. */
  public Optional<Recruiter> byApiToken(String token) {
    return recruiters.findByActiveApiTokenHash(TokenHashes.sha256(token));
  }

  /** Each recruiter's name by ID, in one query; unknown IDs are left out. */
  @Transactional(readOnly = true)
  public Map<String, String> names(Collection<String> recruiterIds) {
    if (recruiterIds.isEmpty()) {
      return Map.of();
    }
    return recruiters.findAllById(recruiterIds).stream()
        .collect(Collectors.toMap(Recruiter::id, Recruiter::name));
  }
}
