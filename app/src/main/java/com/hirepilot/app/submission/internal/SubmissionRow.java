package com.hirepilot.app.submission.internal;

import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.PipelineStage;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A submission as the set-based reads load it: the row with its pipeline stage, without the
 * aggregate's collections, so a thousand of them cost one statement.
 */
public record SubmissionRow(
    String id,
    String workspaceId,
    String jobId,
    String candidateId,
    SubmissionStatus status,
    Decision decision,
    String decidedBy,
    String reason,
    String availability,
    Instant decidedAt,
    String reminderSchedule,
    int round,
    Instant roundSentAt,
    int reminderStep,
    int remindersSent,
    boolean recruiterAlerted,
    String withdrawnBy,
    Instant withdrawnAt,
    Instant settledAt,
    String message,
    Instant createdAt,
    PipelineStage stage) {

  /** Selects submissions as {@code s}; append a {@code where} clause. */
  public static final String SELECT =
      """
      select s.id, s.workspace_id, s.job_id, s.candidate_id, s.status, s.decision,
             s.decided_by, s.decision_reason, s.decision_availability, s.decided_at,
             s.reminder_schedule, s.email_round, s.round_sent_at, s.reminder_step,
             s.reminders_sent, s.recruiter_alerted, s.withdrawn_by, s.withdrawn_at,
             s.settled_at, s.message, s.created_at, p.stage
      from submission s
      left join pipeline_entry p on p.job_id = s.job_id and p.candidate_id = s.candidate_id
      """;

  public static SubmissionRow map(ResultSet rs, int n) throws SQLException {
    return new SubmissionRow(
        rs.getString("id"),
        rs.getString("workspace_id"),
        rs.getString("job_id"),
        rs.getString("candidate_id"),
        SubmissionStatus.valueOf(rs.getString("status")),
        enumOrNull(Decision.class, rs.getString("decision")),
        rs.getString("decided_by"),
        rs.getString("decision_reason"),
        rs.getString("decision_availability"),
        Timestamps.read(rs, "decided_at"),
        rs.getString("reminder_schedule"),
        rs.getInt("email_round"),
        Timestamps.read(rs, "round_sent_at"),
        rs.getInt("reminder_step"),
        rs.getInt("reminders_sent"),
        rs.getBoolean("recruiter_alerted"),
        rs.getString("withdrawn_by"),
        Timestamps.read(rs, "withdrawn_at"),
        Timestamps.read(rs, "settled_at"),
        rs.getString("message"),
        Timestamps.read(rs, "created_at"),
        enumOrNull(PipelineStage.class, rs.getString("stage")));
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
