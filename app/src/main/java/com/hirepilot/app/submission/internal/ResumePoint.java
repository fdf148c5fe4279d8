package com.hirepilot.app.submission.internal;

import com.hirepilot.app.workspace.ReminderSchedule;
import com.hirepilot.workflows.submission.SubmissionProgress;
import com.hirepilot.workflows.submission.SubmissionRequest;
import com.hirepilot.workflows.submission.SubmissionWorkflow;

/**
 * What a workflow needs to carry on with a submission the embedded server forgot: which submission,
 * the reminder schedule it keeps, and how far the database says it got.
 */
public record ResumePoint(
    String submissionId,
    String workspaceId,
    String jobId,
    String candidateId,
    String reminderSchedule,
    SubmissionProgress progress) {

  public String workflowId() {
    return SubmissionWorkflow.workflowId(submissionId);
  }

  public SubmissionRequest request(boolean indexStatus) {
    return new SubmissionRequest(
        submissionId,
        workspaceId,
        jobId,
        candidateId,
        ReminderSchedule.parse(reminderSchedule).delays(),
        progress,
        indexStatus);
  }
}
