package com.hirepilot.app.deal;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Deals extends ListCrudRepository<Deal, String> {

  @Query("select * from deal where job_id = :jobId")
  Optional<Deal> findByJobId(String jobId);

  @Modifying
  @Query(
      """
      update deal set stage = :stage, updated_at = :at, version = version + 1
      where job_id = :jobId
      """)
  int moveStage(String jobId, String stage, OffsetDateTime at);
}
