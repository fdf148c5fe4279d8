package com.hirepilot.app.submission;

import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.ReminderSchedule;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionConflict;
import com.hirepilot.workflows.submission.SubmissionStatus;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A candidate submitted to a job. The database copy of its status is what lists and start-up
 * reconciliation read; while the workflow runs, its query is the live answer.
 *
 * @param reminderSchedule the reminder delays in force when the candidate was submitted
 * @param emailRound 1 for the submission email, one more for each resend
 * @param roundSentAt when the current round's email went out; reminder deadlines count from here
 * @param reminderStep how many deadlines of the schedule the current round has passed
 * @param settledAt when the workflow finished everything; null while it has work left
 * @param attachments the candidate's files shown to the client with this submission
 */
public record Submission(
    @Id String id,
    String workspaceId,
    String jobId,
    String candidateId,
    String recruiterId,
    String message,
    SubmissionStatus status,
    Decision decision,
    String decidedBy,
    String decisionReason,
    Instant decidedAt,
    String decisionAvailability,
    String reminderSchedule,
    int emailRound,
    Instant roundSentAt,
    int reminderStep,
    int remindersSent,
    boolean recruiterAlerted,
    String withdrawnBy,
    Instant withdrawnAt,
    Instant settledAt,
    @MappedCollection(idColumn = "submission") Set<SubmittedAttachment> attachments,
    @Version Long version,
    Instant createdAt) {

  @Table("submitted_attachment")
  public record SubmittedAttachment(String attachmentId) {}

  /**
   * A candidate just submitted: on its way to the job's clients, with the files they will see and
   * the reminder schedule it keeps for its whole life.
   */
  static Submission submitted(
      String id,
      CurrentRecruiter by,
      String jobId,
      String candidateId,
      String message,
      List<String> attachmentIds,
      ReminderSchedule reminderSchedule,
      Instant at) {
    Set<SubmittedAttachment> shown = new LinkedHashSet<>();
    attachmentIds.forEach(attachmentId -> shown.add(new SubmittedAttachment(attachmentId)));
    return new Submission(
        id,
        by.workspaceId(),
        jobId,
        candidateId,
        by.recruiterId(),
        message,
        SubmissionStatus.SENDING,
        null,
        null,
        null,
        null,
        null,
        reminderSchedule.text(),
        1,
        null,
        0,
        0,
        false,
        null,
        null,
        null,
        shown,
        null,
        at);
  }

  /**
   * The answer to a client who asks, once the outcome is final, for a decision again: the same
   * decision answers the stored status, any other is a conflict.
   */
  SubmissionStatus repeatDecision(Decision asked) {
    if (decision == asked && status != SubmissionStatus.WITHDRAWN) {
      return status;
    }
    throw new ConflictException(SubmissionConflict.alreadyFinal(status));
  }

  /** Likewise for a recruiter's action that leads to this status, once the outcome is final. */
  SubmissionStatus repeatOutcome(SubmissionStatus asked) {
    if (status == asked) {
      return status;
    }
    throw new ConflictException(SubmissionConflict.alreadyFinal(status));
  }

  /** Whether its workflow still has work to do: start-up resumes every such submission. */
  public boolean unsettled() {
    return settledAt == null;
  }

  public String workflowId() {
    return SubmissionWorkflow.workflowId(id);
  }
}
