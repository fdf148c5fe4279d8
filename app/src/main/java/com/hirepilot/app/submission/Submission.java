package com.hirepilot.app.submission;

import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Instant;
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

  public String workflowId() {
    return com.hirepilot.workflows.submission.SubmissionWorkflow.workflowId(id);
  }
}
