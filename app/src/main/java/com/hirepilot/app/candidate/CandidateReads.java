package com.hirepilot.app.candidate;

import com.hirepilot.app.system.Timestamps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads many candidates and files at once, in a statement or two whatever their number, with plain
 * row mappers: loading {@link Candidate} aggregates would cost a statement per candidate for the
 * skills, and Spring Data's entity mapping costs more than the query itself on the portal's hot
 * path.
 */
@Repository
class CandidateReads {

  private final JdbcClient jdbc;

  CandidateReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The candidates' email, phone and internal notes: what must never reach a client. */
  List<String> internalTexts(Collection<String> candidateIds) {
    if (candidateIds.isEmpty()) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    jdbc.sql("select email, phone, internal_notes from candidate where id in (:ids)")
        .param("ids", candidateIds)
        .query(
            rs -> {
              texts.add(rs.getString("email"));
              texts.add(rs.getString("phone"));
              texts.add(rs.getString("internal_notes"));
            });
    texts.removeIf(java.util.Objects::isNull);
    return texts;
  }

  Map<String, CandidateCard> cards(Collection<String> candidateIds) {
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

  /** The public ones among these files, in one statement. */
  List<Attachment> publicFiles(Collection<String> attachmentIds) {
    if (attachmentIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select id, workspace_id, candidate_id, kind, filename, content_type, size,
                   attachment_version, storage_name, version, created_at
            from attachment where id in (:ids) and is_public
            """)
        .param("ids", attachmentIds)
        .query(
            (rs, n) ->
                new Attachment(
                    rs.getString("id"),
                    rs.getString("workspace_id"),
                    rs.getString("candidate_id"),
                    Attachment.Kind.valueOf(rs.getString("kind")),
                    rs.getString("filename"),
                    rs.getString("content_type"),
                    rs.getLong("size"),
                    true,
                    rs.getInt("attachment_version"),
                    rs.getString("storage_name"),
                    rs.getLong("version"),
                    Timestamps.read(rs, "created_at")))
        .list();
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
