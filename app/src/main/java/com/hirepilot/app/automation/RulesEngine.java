package com.hirepilot.app.automation;

import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs the workspace's rules for a lifecycle event: records one run per matching rule (once per
 * event, by the run's unique key) and starts its workflow. It never waits for a run, so a slow
 * receiver never holds up the submission's lifecycle.
 */
@Component
class RulesEngine implements AutomationEngine {

  private final AutomationRules rules;
  private final AutomationRuns runs;
  private final RunStarter starter;
  private final JobService jobs;
  private final SubmissionFacts submissions;
  private final Clock clock;

  RulesEngine(
      AutomationRules rules,
      AutomationRuns runs,
      RunStarter starter,
      JobService jobs,
      SubmissionFacts submissions,
      Clock clock) {
    this.rules = rules;
    this.runs = runs;
    this.starter = starter;
    this.jobs = jobs;
    this.submissions = submissions;
    this.clock = clock;
  }

  @Override
  public void handle(LifecycleEventOccurred event) {
    List<AutomationRule> candidates = rules.active(event.workspaceId(), event.trigger());
    if (candidates.isEmpty()) {
      return;
    }
    // Read only what some rule's conditions need, and each at most once.
    Supplier<Optional<Job>> job =
        memo(() -> event.jobId() == null ? Optional.empty() : jobs.find(event.jobId()));
    Supplier<Optional<SubmissionFacts.Facts>> facts =
        memo(
            () ->
                event.submissionId() == null
                    ? Optional.empty()
                    : submissions.of(event.submissionId()));
    for (AutomationRule rule : candidates) {
      if (matches(rule.conditions(), event, job, facts)) {
        AutomationRuns.Run run = runs.record(rule, event, Ids.next(), clock.instant());
        // A finished run is not started again: its failed actions stay failed, on record.
        if (AutomationRuns.RUNNING.equals(run.outcome())) {
          starter.start(run.id(), run.actions());
        }
      }
    }
  }

  static boolean matches(
      RuleConditions when,
      LifecycleEventOccurred event,
      Supplier<Optional<Job>> job,
      Supplier<Optional<SubmissionFacts.Facts>> facts) {
    if (when.jobId() != null && !when.jobId().equals(event.jobId())) {
      return false;
    }
    if (when.clientCompany() != null) {
      String company = job.get().map(Job::clientCompany).orElse(null);
      if (company == null || !company.strip().equalsIgnoreCase(when.clientCompany().strip())) {
        return false;
      }
    }
    if (when.stage() != null
        && !when.stage().equals(facts.get().map(SubmissionFacts.Facts::stage).orElse(null))) {
      return false;
    }
    if (when.reasonContains() != null) {
      String reason = facts.get().map(SubmissionFacts.Facts::reason).orElse(null);
      return reason != null
          && reason
              .toLowerCase(Locale.ROOT)
              .contains(when.reasonContains().toLowerCase(Locale.ROOT));
    }
    return true;
  }

  private static <T> Supplier<T> memo(Supplier<T> source) {
    return new Supplier<>() {
      private T value;
      private boolean read;

      @Override
      public T get() {
        if (!read) {
          value = source.get();
          read = true;
        }
        return value;
      }
    };
  }
}
