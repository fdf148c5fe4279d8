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
        .query(CandidateReads::publicAttachment)
        .list();
  }

  /** The public files of these candidates, newest first, in one statement. */
  List<Attachment> publicFilesOf(Collection<String> candidateIds) {
    if (candidateIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select id, workspace_id, candidate_id, kind, filename, content_type, size,
                   attachment_version, storage_name, version, created_at
            from attachment where candidate_id in (:ids) and is_public
            order by created_at desc, attachment_version desc
            """)
        .param("ids", candidateIds)
        .query(CandidateReads::publicAttachment)
        .list();
  }

  /** A row of the public-files reads above (both select only public attachments). */
  private static Attachment publicAttachment(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new Attachment(
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
        Timestamps.read(rs, "created_at"));
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

  /** A candidate as the recruiter's search lists them. */
  record Found(
      String id,
      String name,
      String title,
      String currentCompany,
      List<String> skills,
      java.time.Instant createdAt) {}

  record Page(int total, List<Found> candidates) {}

  /**
   * The workspace's candidates whose name, title, company or a skill contains {@code q} (any case),
   * newest first: three statements whatever the page size.
   */
  Page search(String workspaceId, String q, int limit, int offset) {
    String where = "c.workspace_id = :workspaceId";
    String pattern = null;
    if (q != null && !q.isBlank()) {
      pattern =
          "%"
              + q.strip()
                  .toLowerCase(java.util.Locale.ROOT)
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%";
      where +=
          """
           and (lower(c.name) like :p escape '\\' or lower(c.title) like :p escape '\\'
                or lower(c.current_company) like :p escape '\\'
                or exists (select 1 from candidate_skill s where s.candidate = c.id
                           and lower(s.name) like :p escape '\\'))
          """;
    }
    var count = jdbc.sql("select count(*) from candidate c where " + where);
    var page =
        jdbc.sql(
            "select c.id, c.name, c.title, c.current_company, c.created_at from candidate c where "
                + where
                + " order by c.created_at desc, c.id desc limit :limit offset :offset");
    count = count.param("workspaceId", workspaceId);
    page = page.param("workspaceId", workspaceId).param("limit", limit).param("offset", offset);
    if (pattern != null) {
      count = count.param("p", pattern);
      page = page.param("p", pattern);
    }
    int total = count.query(Integer.class).single();
    List<String[]> rows = new ArrayList<>();
    List<java.time.Instant> created = new ArrayList<>();
    page.query(
        rs -> {
          rows.add(
              new String[] {
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("title"),
                rs.getString("current_company")
              });
          created.add(Timestamps.read(rs, "created_at"));
        });
    Map<String, List<String>> skills = new HashMap<>();
    if (!rows.isEmpty()) {
      jdbc.sql(
              """
              select candidate, name from candidate_skill where candidate in (:ids)
              order by candidate, candidate_key
              """)
          .param("ids", rows.stream().map(r -> r[0]).toList())
          .query(
              rs -> {
                skills
                    .computeIfAbsent(rs.getString("candidate"), id -> new ArrayList<>())
                    .add(rs.getString("name"));
              });
    }
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      found.add(
          new Found(
              r[0],
              r[1],
              r[2],
              r[3],
              List.copyOf(skills.getOrDefault(r[0], List.of())),
              created.get(i)));
    }
    return new Page(total, found);
  }

  /** Which of these IDs are candidates of the workspace, in one statement. */
  java.util.Set<String> inWorkspace(String workspaceId, Collection<String> candidateIds) {
    if (candidateIds.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        jdbc.sql("select id from candidate where workspace_id = :ws and id in (:ids)")
            .param("ws", workspaceId)
            .param("ids", candidateIds)
            .query(String.class)
            .list());
  }

  /**
   * Each candidate's newest public resume, in one statement; candidates without one are left out.
   */
  Map<String, String> newestPublicResumes(Collection<String> candidateIds) {
    if (candidateIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> newest = new HashMap<>();
    // Oldest first: the last one seen per candidate wins.
    jdbc.sql(
            """
            select candidate_id, id from attachment
             where candidate_id in (:ids) and kind = 'RESUME' and is_public
             order by attachment_version, created_at
            """)
        .param("ids", candidateIds)
        .query(
            rs -> {
              newest.put(rs.getString("candidate_id"), rs.getString("id"));
            });
    return newest;
  }

  /** How many resume versions each candidate has, in one statement; none are left out. */
  Map<String, Integer> resumeCounts(Collection<String> candidateIds) {
    Map<String, Integer> counts = new HashMap<>();
    if (candidateIds.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            """
            select candidate_id, count(*) as versions from attachment
             where candidate_id in (:ids) and kind = 'RESUME' group by candidate_id
            """)
        .param("ids", candidateIds)
        .query(
            rs -> {
              counts.put(rs.getString("candidate_id"), rs.getInt("versions"));
            });
    return counts;
  }
}
