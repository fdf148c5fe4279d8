package com.hirepilot.app.submission;

import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.PipelineStage;
import com.hirepilot.workflows.submission.SubmissionSnapshot;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one submission stands right now: the running workflow's query answer while it has one, else
 * the database's record. The recruiter API's detail and the console's submission page both show
 * this; ask {@link LiveSubmissionState} after the read transaction has ended, so a slow query never
 * holds a pooled connection.
 *
 * @param live whether the values come from the workflow's query (false: from the record, once the
 *     workflow has finished or cannot be asked)
 */
public record SubmissionState(
    SubmissionStatus status,
    PipelineStage stage,
    Decision decision,
    int remindersSent,
    Instant nextReminderAt,
    int round,
    boolean recruiterAlerted,
    boolean live) {

  public static SubmissionState of(SubmissionSummary summary, Optional<SubmissionSnapshot> live) {
    SubmissionSnapshot state = live.orElse(null);
    if (state == null) {
      return new SubmissionState(
          summary.status(),
          summary.stage(),
          summary.decision(),
          summary.remindersSent(),
          summary.nextReminderAt(),
          summary.round(),
          summary.recruiterAlerted(),
          false);
    }
    return new SubmissionState(
        state.status(),
        // The workflow knows the stage only once this run has moved it; before that the record
        // does.
        state.stage() != null ? state.stage() : summary.stage(),
        state.decision(),
        state.remindersSent(),
        state.nextReminderAt(),
        state.round(),
        state.recruiterAlerted(),
        true);
  }
}
