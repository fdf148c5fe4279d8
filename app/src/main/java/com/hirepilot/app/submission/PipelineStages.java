package com.hirepilot.app.submission;

import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.PipelineStage;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Where each candidate stands in each job's pipeline. */
@Repository
class PipelineStages {

  private final JdbcClient jdbc;

  PipelineStages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  void move(String jobId, String candidateId, PipelineStage stage, Instant at) {
    int updated =
        jdbc.sql(
                "update pipeline_entry set stage = ?, updated_at = ? where job_id = ? and candidate_id = ?")
            .params(stage.name(), Timestamps.param(at), jobId, candidateId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into pipeline_entry (job_id, candidate_id, stage, updated_at) values (?, ?, ?, ?)")
          .params(jobId, candidateId, stage.name(), Timestamps.param(at))
          .update();
    }
  }

  Optional<PipelineStage> stageOf(String jobId, String candidateId) {
    return jdbc.sql("select stage from pipeline_entry where job_id = ? and candidate_id = ?")
        .params(jobId, candidateId)
        .query(String.class)
        .optional()
        .map(PipelineStage::valueOf);
  }
}
