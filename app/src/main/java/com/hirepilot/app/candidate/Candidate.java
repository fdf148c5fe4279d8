package com.hirepilot.app.candidate;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person the agency may submit to jobs.
 *
 * @param email enrichment data: recruiters only, never clients
 * @param phone enrichment data: recruiters only, never clients
 * @param internalNotes the agency's private notes: never clients
 */
public record Candidate(
    @Id String id,
    String workspaceId,
    String name,
    String title,
    String currentCompany,
    @MappedCollection(idColumn = "candidate", keyColumn = "candidate_key") List<Skill> skills,
    String summary,
    String email,
    String phone,
    String internalNotes,
    @Version Long version,
    Instant createdAt) {

  @Table("candidate_skill")
  public record Skill(String name) {}

  public List<String> skillNames() {
    return skills.stream().map(Skill::name).toList();
  }
}
