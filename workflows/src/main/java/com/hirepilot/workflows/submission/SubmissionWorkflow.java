package com.hirepilot.workflows.submission;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One candidate submitted to one job: emails the job's client collaborators, reminds them on a
 * schedule while they do not answer, takes their decision and carries out everything that follows
 * it.
 */
@WorkflowInterface
public interface SubmissionWorkflow {

  String TASK_QUEUE = "submissions";

  /** The search attribute (Keyword) the workflow keeps equal to the submission's status. */
  String STATUS_SEARCH_ATTRIBUTE = "SubmissionStatus";

  /** The workflow ID is derived from the submission, so starting it twice is harmless. */
  static String workflowId(String submissionId) {
    return "submission-" + submissionId;
  }

  @WorkflowMethod
  SubmissionStatus run(SubmissionRequest request);

  /**
   * Takes the client's decision. Repeating the decision already taken answers the same receipt and
   * changes nothing.
   */
  @UpdateMethod
  DecisionReceipt decide(ClientDecision decision);

  /**
   * Rejects a decision that conflicts with a final outcome already taken, before it is recorded.
   */
  @UpdateValidatorMethod(updateName = "decide")
  void validateDecide(ClientDecision decision);

  /**
   * The recruiter withdraws the candidate: the client no longer sees them and reminders stop.
   * Withdrawing again answers the same receipt.
   */
  @UpdateMethod
  ActionReceipt withdraw(RecruiterAction withdrawal);

  /** Rejects a withdrawal after the client approved or rejected the candidate. */
  @UpdateValidatorMethod(updateName = "withdraw")
  void validateWithdraw(RecruiterAction withdrawal);

  /**
   * The recruiter sends the submission email again (optionally with new attachments); the reminder
   * schedule starts over from the new email.
   */
  @UpdateMethod
  ActionReceipt resend(Resend resend);

  /** Rejects a resend once the lifecycle has a final outcome. */
  @UpdateValidatorMethod(updateName = "resend")
  void validateResend(Resend resend);

  /** A client commented; the comment is already stored and shown in the thread. */
  @SignalMethod
  void comment(ClientComment comment);

  @QueryMethod
  SubmissionSnapshot snapshot();
}
