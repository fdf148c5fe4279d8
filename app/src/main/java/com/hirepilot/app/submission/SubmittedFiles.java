package com.hirepilot.app.submission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which of the candidate's files each submission shows its client. */
@Repository
class SubmittedFiles {

  private final JdbcClient jdbc;

  SubmittedFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The files shown with each of these submissions, in one statement. */
  Map<String, List<String>> of(Collection<String> submissionIds) {
    if (submissionIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> files = new LinkedHashMap<>();
    jdbc.sql(
            """
            select submission, attachment_id from submitted_attachment
            where submission in (:ids) order by submission, attachment_id
            """)
        .param("ids", submissionIds)
        .query(
            rs -> {
              files
                  .computeIfAbsent(rs.getString("submission"), id -> new ArrayList<>())
                  .add(rs.getString("attachment_id"));
            });
    return files;
  }

  /** From now on the submission shows these files instead of the ones before. */
  void replace(String submissionId, List<String> attachmentIds) {
    jdbc.sql("delete from submitted_attachment where submission = ?").param(submissionId).update();
    for (String attachmentId : attachmentIds) {
      jdbc.sql("insert into submitted_attachment (submission, attachment_id) values (?, ?)")
          .params(submissionId, attachmentId)
          .update();
    }
  }
}
