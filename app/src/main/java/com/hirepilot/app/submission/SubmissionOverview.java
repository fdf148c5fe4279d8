package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.EmailDeliveries;
import com.hirepilot.app.notification.EmailDelivery;
import com.hirepilot.app.submission.internal.SubmissionRow;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.RecruiterDirectory;
import com.hirepilot.app.workspace.ReminderSchedule;
import com.hirepilot.workflows.submission.SubmissionStatus;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model of submissions: where one stands, and which of a workspace's stand where. It
 * answers the recruiter API, the console and REX from the database alone, each answer in one
 * read-only transaction and a fixed number of statements however many submissions there are. Only a
 * single open submission's live state comes from its workflow ({@link SubmissionWorkflows}).
 */
@Service
public class SubmissionOverview {

  /** The longest list one answer carries; the newest come first. */
  public static final int LIST_LIMIT = 500;

  /** Which submissions a list shows; every filter is optional. */
  public record Filter(SubmissionStatus status, String jobId, boolean needsAttention) {

    public static Filter all() {
      return new Filter(null, null, false);
    }
  }

  private final JdbcClient jdbc;
  private final SubmittedFiles files;
  private final SubmissionTimeline timeline;
  private final SubmissionComments comments;
  private final EmailDeliveries deliveries;
  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final CandidateDirectory candidates;
  private final RecruiterDirectory recruiters;

  SubmissionOverview(
      JdbcClient jdbc,
      SubmittedFiles files,
      SubmissionTimeline timeline,
      SubmissionComments comments,
      EmailDeliveries deliveries,
      JobService jobs,
      JobCollaborators collaborators,
      CandidateDirectory candidates,
      RecruiterDirectory recruiters) {
    this.jdbc = jdbc;
    this.files = files;
    this.timeline = timeline;
    this.comments = comments;
    this.deliveries = deliveries;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.candidates = candidates;
    this.recruiters = recruiters;
  }

  /** The workspace's submissions that match, newest first, at most {@link #LIST_LIMIT}. */
  @Transactional(readOnly = true)
  public List<SubmissionSummary> list(String workspaceId, Filter filter) {
    Set<String> failing = deliveries.failingSubmissionsOf(workspaceId);
    StringBuilder where = new StringBuilder(" where s.workspace_id = :workspaceId");
    if (filter.status() != null) {
      where.append(" and s.status = :status");
    }
    if (filter.jobId() != null) {
      where.append(" and s.job_id = :jobId");
    }
    if (filter.needsAttention()) {
      where.append(" and s.settled_at is null and ((s.status = 'AWAITING_FEEDBACK'");
      where.append(" and s.recruiter_alerted)");
      where.append(failing.isEmpty() ? ")" : " or s.id in (:failing))");
    }
    var query =
        jdbc.sql(
                SubmissionRow.SELECT
                    + where
                    + " order by s.created_at desc, s.id desc limit :limit")
            .param("workspaceId", workspaceId)
            .param("limit", LIST_LIMIT);
    if (filter.status() != null) {
      query = query.param("status", filter.status().name());
    }
    if (filter.jobId() != null) {
      query = query.param("jobId", filter.jobId());
    }
    if (filter.needsAttention() && !failing.isEmpty()) {
      query = query.param("failing", failing);
    }
    List<SubmissionRow> rows = query.query(SubmissionRow::map).list();
    return summaries(rows, failing);
  }

  /** One candidate's submissions in the workspace, newest first: what their profile lists. */
  @Transactional(readOnly = true)
  public List<SubmissionSummary> ofCandidate(String workspaceId, String candidateId) {
    Set<String> failing = deliveries.failingSubmissionsOf(workspaceId);
    List<SubmissionRow> rows =
        jdbc.sql(
                SubmissionRow.SELECT
                    + " where s.workspace_id = :workspaceId and s.candidate_id = :candidateId"
                    + " order by s.created_at desc, s.id desc limit :limit")
            .param("workspaceId", workspaceId)
            .param("candidateId", candidateId)
            .param("limit", LIST_LIMIT)
            .query(SubmissionRow::map)
            .list();
    return summaries(rows, failing);
  }

  /** How many jobs each of these candidates was submitted to, in one statement. */
  @Transactional(readOnly = true)
  public Map<String, Integer> jobCountsOf(String workspaceId, java.util.Collection<String> ids) {
    Map<String, Integer> counts = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            """
            select candidate_id, count(distinct job_id) as jobs from submission
             where workspace_id = :workspaceId and candidate_id in (:ids) group by candidate_id
            """)
        .param("workspaceId", workspaceId)
        .param("ids", ids)
        .query(
            rs -> {
              counts.put(rs.getString("candidate_id"), rs.getInt("jobs"));
            });
    return counts;
  }

  /** Where a submission belongs: its workspace and job, which never change. */
  public record Placement(String workspaceId, String jobId) {}

  public Optional<Placement> placementOf(String submissionId) {
    return jdbc.sql("select workspace_id, job_id from submission where id = ?")
        .param(submissionId)
        .query((rs, n) -> new Placement(rs.getString(1), rs.getString(2)))
        .optional();
  }

  /** Everything on record about one of the workspace's submissions; another's answers 404. */
  @Transactional(readOnly = true)
  public SubmissionDetails of(String workspaceId, String submissionId) {
    SubmissionRow row =
        jdbc.sql(SubmissionRow.SELECT + " where s.id = :id and s.workspace_id = :workspaceId")
            .param("id", submissionId)
            .param("workspaceId", workspaceId)
            .query(SubmissionRow::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("Submission"));
    List<EmailDelivery> emails = deliveries.forSubmission(row.id());
    boolean failing = emails.stream().anyMatch(e -> e.status() == EmailDelivery.Status.FAILED);
    SubmissionSummary summary =
        summaries(List.of(row), failing ? Set.of(row.id()) : Set.of()).get(0);
    SubmissionDetails.DecisionOnRecord decision =
        row.decision() == null
            ? null
            : new SubmissionDetails.DecisionOnRecord(
                row.decision(),
                row.decidedBy(),
                row.decidedBy() == null
                    ? null
                    : collaborators.displayNames(List.of(row.decidedBy())).get(row.decidedBy()),
                row.reason(),
                row.availability(),
                row.decidedAt());
    SubmissionDetails.WithdrawalOnRecord withdrawal =
        row.withdrawnAt() == null
            ? null
            : new SubmissionDetails.WithdrawalOnRecord(
                row.withdrawnBy(),
                row.withdrawnBy() == null
                    ? null
                    : recruiters.names(List.of(row.withdrawnBy())).get(row.withdrawnBy()),
                row.withdrawnAt());
    return new SubmissionDetails(
        summary,
        row.message(),
        files.of(List.of(row.id())).getOrDefault(row.id(), List.of()),
        decision,
        withdrawal,
        timeline.of(row.id()),
        comments.of(row.id()),
        emails);
  }

  private List<SubmissionSummary> summaries(List<SubmissionRow> rows, Set<String> failing) {
    Map<String, String> titles =
        jobs.titles(rows.stream().map(SubmissionRow::jobId).distinct().toList());
    Map<String, String> names =
        candidates.names(rows.stream().map(SubmissionRow::candidateId).distinct().toList());
    return rows.stream()
        .map(
            row -> {
              boolean emailFailing = failing.contains(row.id());
              boolean unanswered =
                  row.status() == SubmissionStatus.AWAITING_FEEDBACK && row.recruiterAlerted();
              return new SubmissionSummary(
                  row.id(),
                  SubmissionWorkflow.workflowId(row.id()),
                  row.jobId(),
                  titles.get(row.jobId()),
                  row.candidateId(),
                  names.get(row.candidateId()),
                  row.status(),
                  row.stage(),
                  row.decision(),
                  row.round(),
                  row.remindersSent(),
                  nextReminderAt(row),
                  row.recruiterAlerted(),
                  emailFailing,
                  row.settledAt() == null && (unanswered || emailFailing),
                  row.reminderSchedule(),
                  row.createdAt(),
                  row.settledAt());
            })
        .toList();
  }

  /** The current round's next deadline, while the client is still to answer. */
  private static Instant nextReminderAt(SubmissionRow row) {
    if (row.status() != SubmissionStatus.AWAITING_FEEDBACK
        || row.roundSentAt() == null
        || row.settledAt() != null) {
      return null;
    }
    List<Duration> delays = ReminderSchedule.parse(row.reminderSchedule()).delays();
    return row.reminderStep() < delays.size()
        ? row.roundSentAt().plus(delays.get(row.reminderStep()))
        : null;
  }
}
