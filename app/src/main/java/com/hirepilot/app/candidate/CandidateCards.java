package com.hirepilot.app.candidate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads many candidates at once in two statements, whatever their number; loading each {@link
 * Candidate} aggregate would cost a statement per candidate for the skills.
 */
@Repository
class CandidateCards {

  private final JdbcClient jdbc;

  CandidateCards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, CandidateCard> of(Collection<String> candidateIds) {
    if (candidateIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> skills = new HashMap<>();
    jdbc.sql(
            """
            select candidate, name from candidate_skill where candidate in (:ids)
            order by candidate, candidate_key
            """)
        .param("ids", candidateIds)
        .query(
            rs -> {
              skills
                  .computeIfAbsent(rs.getString("candidate"), id -> new ArrayList<>())
                  .add(rs.getString("name"));
            });
    Map<String, CandidateCard> cards = new LinkedHashMap<>();
    jdbc.sql("select id, name, title, current_company, summary from candidate where id in (:ids)")
        .param("ids", candidateIds)
        .query(
            rs -> {
              String id = rs.getString("id");
              cards.put(
                  id,
                  new CandidateCard(
                      rs.getString("name"),
                      rs.getString("title"),
                      rs.getString("current_company"),
                      List.copyOf(skills.getOrDefault(id, List.of())),
                      rs.getString("summary")));
            });
    return cards;
  }

  Map<String, String> names(Collection<String> candidateIds) {
    if (candidateIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    jdbc.sql("select id, name from candidate where id in (:ids)")
        .param("ids", candidateIds)
        .query(
            rs -> {
              names.put(rs.getString("id"), rs.getString("name"));
            });
    return names;
  }
}
