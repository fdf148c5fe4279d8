package com.hirepilot.app.submission;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hirepilot.workflows.submission.SubmissionSnapshot;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The running workflow's own answer about a submission, for the console's page, the recruiter API
 * and support's checks.
 *
 * <p>For the console's page ({@link #shared}), answers are shared for a second among everyone
 * looking at the same record: the key is the submission's record as the database holds it ({@link
 * SubmissionSummary}: status, stage, round, reminders, alert). Every change the workflow makes to
 * those is written to the record by its activities, and the live events that make a page refresh
 * are published after that write. So a refresh after an event reads a new record, misses this cache
 * and asks the workflow afresh; an answer kept from before a change is never served after it (a
 * cache keyed by the workflow alone did exactly that, and a browser test caught it). Only an answer
 * that agrees with the record is kept, so one that lags behind it is never served twice.
 */
@Component
public class LiveSubmissionState {

  private final SubmissionWorkflows workflows;

  /** Answers that agree with the record they were asked for, by that record, for a second. */
  private final Cache<SubmissionSummary, Optional<SubmissionSnapshot>> recent =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1)).maximumSize(10_000).build();

  LiveSubmissionState(SubmissionWorkflows workflows) {
    this.workflows = workflows;
  }

  /** The workflow's query answer while it runs; empty once settled or when it does not answer. */
  public Optional<SubmissionSnapshot> of(SubmissionSummary summary) {
    return summary.settledAt() == null
        ? workflows.liveState(summary.workflowId())
        : Optional.empty();
  }

  /**
   * The same answer, shared for a second with everyone who read the same record: for the console's
   * submission page, which many recruiters may hold open and reload. Support's checks keep asking
   * afresh ({@link #of}), since they may look right after acting on the workflow.
   */
  public Optional<SubmissionSnapshot> shared(SubmissionSummary summary) {
    if (summary.settledAt() != null) {
      return Optional.empty();
    }
    Optional<SubmissionSnapshot> kept = recent.getIfPresent(summary);
    if (kept != null) {
      return kept;
    }
    // Concurrent viewers already wait for one query per workflow (SubmissionWorkflows.liveState).
    Optional<SubmissionSnapshot> answer = workflows.liveState(summary.workflowId());
    if (answer.isPresent() && caughtUp(answer.get(), summary)) {
      recent.put(summary, answer);
    }
    return answer;
  }

  /**
   * Whether the workflow's answer is at least as new as the record: only such an answer is kept. A
   * decision reaches the record and the workflow separately, so just after one the workflow can
   * still say what the record no longer does; that answer is shown once and not kept.
   */
  private static boolean caughtUp(SubmissionSnapshot live, SubmissionSummary record) {
    return live.status() == record.status()
        && live.decision() == record.decision()
        && (live.stage() == null || live.stage() == record.stage())
        && live.round() == record.round()
        && live.remindersSent() == record.remindersSent()
        && live.recruiterAlerted() == record.recruiterAlerted();
  }
}
