package com.hirepilot.app.automation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the workspace's rules did, for support (REX): each matching rule with its conditions and its
 * latest runs. Never a secret: actions are named by type only, and the errors recorded for them
 * quote the receiver's origin and answer, not the URL's path (where a Slack URL keeps its token).
 */
@Service
public class AutomationReport {

  /** Runs shown per rule: enough to see a pattern, few enough to read. */
  private static final int RUNS_PER_RULE = 5;

  private final AutomationRules rules;
  private final AutomationRuns runs;

  AutomationReport(AutomationRules rules, AutomationRuns runs) {
    this.rules = rules;
    this.runs = runs;
  }

  public record ActionOutcome(
      int index, String type, String outcome, int attempts, String error, Instant lastAttemptAt) {}

  public record RunOutcome(
      String runId,
      Instant at,
      String event,
      String jobId,
      String submissionId,
      String outcome,
      int attempts,
      String error,
      List<ActionOutcome> actions) {}

  /**
   * @param conditions each condition in words, such as {@code client company is Acme}
   */
  public record RuleReport(
      String ruleId,
      String name,
      String trigger,
      boolean paused,
      List<String> conditions,
      List<String> actionTypes,
      List<RunOutcome> runs) {}

  /**
   * The workspace's rules whose ID equals, or whose name contains, {@code ruleNameOrId} (all when
   * blank), each with its latest runs (only those of {@code submissionId} when set), newest first.
   * Three statements however many rules and runs: the rules, the runs, their actions.
   */
  @Transactional(readOnly = true)
  public List<RuleReport> of(String workspaceId, String ruleNameOrId, String submissionId) {
    String wanted =
        ruleNameOrId == null || ruleNameOrId.isBlank()
            ? null
            : ruleNameOrId.trim().toLowerCase(Locale.ROOT);
    List<AutomationRule> matching =
        rules.list(workspaceId).stream()
            .filter(
                r ->
                    wanted == null
                        || r.id().equalsIgnoreCase(wanted)
                        || r.name().toLowerCase(Locale.ROOT).contains(wanted))
            .toList();
    if (matching.isEmpty()) {
      return List.of();
    }
    String submission = submissionId == null || submissionId.isBlank() ? null : submissionId;
    Map<AutomationRuns.Run, List<AutomationRuns.ActionRecord>> latest =
        runs.latestOfWorkspace(workspaceId, submission, RUNS_PER_RULE);
    List<RuleReport> reports = new ArrayList<>();
    for (AutomationRule rule : matching) {
      List<RunOutcome> outcomes = new ArrayList<>();
      latest.forEach(
          (run, actions) -> {
            if (run.ruleId().equals(rule.id())) {
              outcomes.add(outcome(run, actions));
            }
          });
      reports.add(
          new RuleReport(
              rule.id(),
              rule.name(),
              rule.trigger().name(),
              rule.paused(),
              conditions(rule.conditions()),
              rule.actions().stream().map(a -> a.type().name()).toList(),
              outcomes));
    }
    return reports;
  }

  private static RunOutcome outcome(
      AutomationRuns.Run run, List<AutomationRuns.ActionRecord> actions) {
    // While the run is under way its total is the actions' attempts so far, as the API shows.
    int attempts =
        AutomationRuns.RUNNING.equals(run.outcome())
            ? actions.stream().mapToInt(AutomationRuns.ActionRecord::attempts).sum()
            : run.attempts();
    return new RunOutcome(
        run.id(),
        run.at(),
        run.trigger(),
        run.jobId(),
        run.submissionId(),
        run.outcome(),
        attempts,
        run.error(),
        actions.stream()
            .map(
                a ->
                    new ActionOutcome(
                        a.index(),
                        a.type(),
                        a.outcome(),
                        a.attempts(),
                        a.error(),
                        a.lastAttemptAt()))
            .toList());
  }

  private static List<String> conditions(RuleConditions c) {
    List<String> words = new ArrayList<>();
    if (c == null) {
      return words;
    }
    if (c.jobId() != null) {
      words.add("job is " + c.jobId());
    }
    if (c.clientCompany() != null) {
      words.add("client company is " + c.clientCompany());
    }
    if (c.stage() != null) {
      words.add("pipeline stage is " + c.stage());
    }
    if (c.reasonContains() != null) {
      words.add("the client's reason contains \u201c" + c.reasonContains() + "\u201d");
    }
    return words;
  }
}
