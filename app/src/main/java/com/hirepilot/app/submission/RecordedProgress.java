package com.hirepilot.app.submission;

import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.submission.internal.ResumePoint;
import com.hirepilot.app.submission.internal.SubmissionRow;
import com.hirepilot.app.workspace.RecruiterDirectory;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.RecruiterAction;
import com.hirepilot.workflows.submission.SubmissionProgress;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads how far submissions got, as the database recorded it, so their workflows can carry on (ADR
 * 0004). One submission or every unsettled one, the cost is the same handful of statements: the
 * names behind the decision and the withdrawal, and the comments not yet passed on, are read for
 * all of them at once.
 */
@Component
class RecordedProgress {

  private final JdbcClient jdbc;
  private final SubmissionComments comments;
  private final JobCollaborators collaborators;
  private final RecruiterDirectory recruiters;

  RecordedProgress(
      JdbcClient jdbc,
      SubmissionComments comments,
      JobCollaborators collaborators,
      RecruiterDirectory recruiters) {
    this.jdbc = jdbc;
    this.comments = comments;
    this.collaborators = collaborators;
    this.recruiters = recruiters;
  }

  /** The submission's progress, or null when it is settled and no workflow is owed. */
  @Transactional(readOnly = true)
  ResumePoint of(String submissionId) {
    List<SubmissionRow> rows =
        jdbc.sql(SubmissionRow.SELECT + " where s.id = ? and s.settled_at is null")
            .param(submissionId)
            .query(SubmissionRow::map)
            .list();
    List<ResumePoint> points = resumePoints(rows, comments.unnotifiedOf(List.of(submissionId)));
    return points.isEmpty() ? null : points.get(0);
  }

  /** Every submission whose workflow still has work, oldest first. */
  @Transactional(readOnly = true)
  List<ResumePoint> ofAllUnsettled() {
    List<SubmissionRow> rows =
        jdbc.sql(SubmissionRow.SELECT + " where s.settled_at is null order by s.created_at, s.id")
            .query(SubmissionRow::map)
            .list();
    return resumePoints(rows, comments.unnotifiedOfUnsettled());
  }

  private List<ResumePoint> resumePoints(
      List<SubmissionRow> rows, List<SubmissionComment> unnotified) {
    Map<String, String> deciders =
        collaborators.displayNames(idsOf(rows, SubmissionRow::decidedBy));
    Map<String, String> withdrawers = recruiters.names(idsOf(rows, SubmissionRow::withdrawnBy));
    Map<String, List<String>> commentIds = new HashMap<>();
    for (SubmissionComment comment : unnotified) {
      commentIds.computeIfAbsent(comment.submissionId(), id -> new ArrayList<>()).add(comment.id());
    }
    return rows.stream()
        .map(
            row ->
                new ResumePoint(
                    row.id(),
                    row.workspaceId(),
                    row.jobId(),
                    row.candidateId(),
                    row.reminderSchedule(),
                    new SubmissionProgress(
                        row.round(),
                        row.roundSentAt(),
                        row.reminderStep(),
                        row.remindersSent(),
                        row.recruiterAlerted(),
                        row.decision() == null
                            ? null
                            : new ClientDecision(
                                row.decidedBy(),
                                deciders.getOrDefault(row.decidedBy(), "client"),
                                row.decision(),
                                row.reason(),
                                row.availability()),
                        row.status() == SubmissionStatus.WITHDRAWN
                            ? new RecruiterAction(
                                row.withdrawnBy(),
                                withdrawers.getOrDefault(row.withdrawnBy(), "recruiter"))
                            : null,
                        List.copyOf(commentIds.getOrDefault(row.id(), List.of())))))
        .toList();
  }

  private static List<String> idsOf(List<SubmissionRow> rows, Function<SubmissionRow, String> id) {
    return rows.stream().map(id).filter(Objects::nonNull).distinct().toList();
  }
}
