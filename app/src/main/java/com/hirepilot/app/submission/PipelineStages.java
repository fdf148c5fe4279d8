package com.hirepilot.app.submission;

import com.hirepilot.app.system.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Where each candidate stands in each job's pipeline. */
@Repository
public class PipelineStages {

  /** Stage names, in the order a candidate usually moves through them. */
  public static final String SUBMITTED = "SUBMITTED";

  public static final String INTERVIEW = "CLIENT_INTERVIEW";
  public static final String APPROVED = "CLIENT_APPROVED";
  public static final String REJECTED = "CLIENT_REJECTED";
  public static final String WITHDRAWN = "WITHDRAWN";

  private final JdbcClient jdbc;

  PipelineStages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void move(String jobId, String candidateId, String stage, Instant at) {
    int updated =
        jdbc.sql(
                "update pipeline_entry set stage = ?, updated_at = ? where job_id = ? and candidate_id = ?")
            .params(stage, Timestamps.param(at), jobId, candidateId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into pipeline_entry (job_id, candidate_id, stage, updated_at) values (?, ?, ?, ?)")
          .params(jobId, candidateId, stage, Timestamps.param(at))
          .update();
    }
  }

  public Optional<String> stageOf(String jobId, String candidateId) {
    return jdbc.sql("select stage from pipeline_entry where job_id = ? and candidate_id = ?")
        .params(jobId, candidateId)
        .query(String.class)
        .optional();
  }
}
