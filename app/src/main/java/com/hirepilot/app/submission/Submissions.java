package com.hirepilot.app.submission;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The submission aggregate, for its writes. Reads for pages and lists go through {@link
 * SubmissionOverview} and {@link ClientVisibleSubmissions}, which load many at once.
 */
interface Submissions extends ListCrudRepository<Submission, String> {

  /**
   * Read-only transaction: the attachments load with a second statement, which must run on the same
   * connection rather than take another from the pool while this one is held.
   */
  @Transactional(readOnly = true)
  @Query("select * from submission where id = :id and workspace_id = :workspaceId")
  Optional<Submission> findByIdAndWorkspaceId(String id, String workspaceId);

  /** Which of these candidates have a submission for the job in one of these statuses. */
  @Query(
      """
      select distinct candidate_id from submission
      where job_id = :jobId and candidate_id in (:candidateIds) and status in (:statuses)
      """)
  java.util.Set<String> openOf(
      String jobId, Collection<String> candidateIds, Collection<String> statuses);

  /**
   * A round's email went out: notes when (the first time counts) and moves a {@code sending}
   * submission to {@code awaiting}, in one statement. A round a resend has since replaced changes
   * nothing, and neither does a retry, so replaying it is harmless.
   *
   * @return 1 when something changed
   */
  @Modifying
  @Query(
      """
      update submission set
        round_sent_at =
          case when email_round = :round and round_sent_at is null then :at else round_sent_at end,
        status = case when status = :sending then :awaiting else status end,
        version = version + 1
      where id = :id and email_round <= :round
        and ((email_round = :round and round_sent_at is null) or status = :sending)
      """)
  int roundSent(String id, int round, java.time.OffsetDateTime at, String sending, String awaiting);

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
          recruiter_alerted = false, first_message = coalesce(first_message, message),
          message = coalesce(:message, message), version = version + 1
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
