package com.hirepilot.app.workspace;

import com.hirepilot.app.system.Timestamps;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's recruiters, as other features may know them. */
@Service
public class RecruiterDirectory {

  private final Recruiters recruiters;
  private final JdbcClient jdbc;

  RecruiterDirectory(Recruiters recruiters, JdbcClient jdbc) {
    this.recruiters = recruiters;
    this.jdbc = jdbc;
  }

  public Optional<Recruiter> find(String recruiterId) {
    return recruiters.findById(recruiterId);
  }

  /** A signed-in recruiter as every console page needs them: who they are, and their workspace. */
  public record SignedIn(Recruiter recruiter, String workspaceName) {}

  /**
   * The recruiter and their workspace's name in one statement: every console request asks this (the
   * session holds only who signed in), and every page's frame shows the name.
   */
  public Optional<SignedIn> signedIn(String recruiterId) {
    return jdbc.sql(
            """
            select r.id, r.workspace_id, r.name, r.email, r.password_hash, r.role, r.version,
                   r.created_at, w.name as workspace_name
              from recruiter r join workspace w on w.id = r.workspace_id
             where r.id = :id
            """)
        .param("id", recruiterId)
        .query(
            (rs, row) ->
                new SignedIn(
                    new Recruiter(
                        rs.getString("id"),
                        rs.getString("workspace_id"),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("password_hash"),
                        Recruiter.Role.valueOf(rs.getString("role")),
                        rs.getLong("version"),
                        Timestamps.read(rs, "created_at")),
                    rs.getString("workspace_name")))
        .optional();
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
