package com.hirepilot.app.deal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * The deal a job is connected to; at most one per job.
 *
 * @param stage where the deal stands, see {@link DealStages}
 */
public record Deal(
    @Id String id,
    String workspaceId,
    String jobId,
    String name,
    String stage,
    @Version Long version,
    Instant createdAt,
    Instant updatedAt) {

  Deal renamed(String newName, String newStage, Instant now) {
    return new Deal(id, workspaceId, jobId, newName, newStage, version, createdAt, now);
  }
}
