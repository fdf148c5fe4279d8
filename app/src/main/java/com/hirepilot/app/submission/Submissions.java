package com.hirepilot.app.submission;

import com.hirepilot.workflows.submission.SubmissionStatus;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Submissions extends ListCrudRepository<Submission, String> {

  Optional<Submission> findByIdAndWorkspaceId(String id, String workspaceId);

  List<Submission> findByJobIdOrderByCreatedAt(String jobId);

  List<Submission> findByStatusIn(Collection<SubmissionStatus> statuses);

  boolean existsByJobIdAndCandidateIdAndStatusIn(
      String jobId, String candidateId, Collection<SubmissionStatus> statuses);

  /** Moves the status forward only from where it stands, so a replayed write changes nothing. */
  @Modifying
  @Query(
      """
      update submission set status = :to, version = version + 1
      where id = :id and status = :from
      """)
  int advanceStatus(String id, String from, String to);

  /** Records a decision unless a final one is on record: a late write never undoes it. */
  @Modifying
  @Query(
      """
      update submission
      set status = :status, decision = :decision, decided_by = :decidedBy,
          decision_reason = :reason, decided_at = :decidedAt, version = version + 1
      where id = :id and status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')
      """)
  int recordDecision(
      String id,
      String status,
      String decision,
      String decidedBy,
      String reason,
      java.time.OffsetDateTime decidedAt);
}
