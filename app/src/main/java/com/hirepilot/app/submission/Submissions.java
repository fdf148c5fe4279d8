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

  /** A workspace's submissions for monitoring, newest first; null filters match everything. */
  @Query(
      """
      select * from submission
      where workspace_id = :workspaceId
        and (cast(:status as varchar(30)) is null or status = :status)
        and (cast(:jobId as varchar(40)) is null or job_id = :jobId)
      order by created_at desc, id desc
      limit :limit
      """)
  List<Submission> findForMonitoring(String workspaceId, String status, String jobId, int limit);

  /** Submissions whose workflow still has work: the ones start-up reconciliation resumes. */
  List<Submission> findBySettledAtIsNull();

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

  /** Notes when a round's email went out; the first time counts, so a retry changes nothing. */
  @Modifying
  @Query(
      """
      update submission set round_sent_at = :at, version = version + 1
      where id = :id and email_round = :round and round_sent_at is null
      """)
  int markRoundSent(String id, int round, java.time.OffsetDateTime at);

  /** Records that the round passed a step of its reminder schedule, once per step. */
  @Modifying
  @Query(
      """
      update submission
      set reminder_step = :step, reminders_sent = reminders_sent + 1, version = version + 1
      where id = :id and email_round = :round and reminder_step < :step
      """)
  int recordReminder(String id, int round, int step);

  @Modifying
  @Query(
      """
      update submission set recruiter_alerted = true, version = version + 1
      where id = :id and email_round = :round
      """)
  int markRecruiterAlerted(String id, int round);

  /**
   * Starts a new email round: the reminder schedule starts over from its email. A replay of an
   * older round changes nothing.
   */
  @Modifying
  @Query(
      """
      update submission
      set email_round = :round, round_sent_at = null, reminder_step = 0,
          recruiter_alerted = false, message = coalesce(:message, message), version = version + 1
      where id = :id and email_round < :round
      """)
  int startRound(String id, int round, String message);

  /** Withdraws the submission unless the client's decision is final already. */
  @Modifying
  @Query(
      """
      update submission
      set status = 'WITHDRAWN', withdrawn_by = :by, withdrawn_at = :at, version = version + 1
      where id = :id and status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')
      """)
  int recordWithdrawal(String id, String by, java.time.OffsetDateTime at);

  @Modifying
  @Query(
      """
      update submission set settled_at = :at, version = version + 1
      where id = :id and settled_at is null
      """)
  int settle(String id, java.time.OffsetDateTime at);

  /** Records a decision unless a final one is on record: a late write never undoes it. */
  @Modifying
  @Query(
      """
      update submission
      set status = :status, decision = :decision, decided_by = :decidedBy,
          decision_reason = :reason, decision_availability = :availability,
          decided_at = :decidedAt, version = version + 1
      where id = :id and status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')
      """)
  int recordDecision(
      String id,
      String status,
      String decision,
      String decidedBy,
      String reason,
      String availability,
      java.time.OffsetDateTime decidedAt);
}
