package com.hirepilot.app.automation;

import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules as other features (the console) reach them: created through the same validation as the
 * API, and described in words with every secret shown as {@code (set)}, so a secret never leaves
 * this package in the clear.
 */
@Service
public class AutomationRuleBook {

  /** Runs shown per rule: the recent ones; older runs stay in the database. */
  static final int RUNS_SHOWN = 200;

  private final AutomationRules rules;
  private final AutomationRuns runs;
  private final RuleValidation validation;
  private final JobService jobs;
  private final Clock clock;

  AutomationRuleBook(
      AutomationRules rules,
      AutomationRuns runs,
      RuleValidation validation,
      JobService jobs,
      Clock clock) {
    this.rules = rules;
    this.runs = runs;
    this.validation = validation;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** A rule described for people: its conditions and actions as sentences, secrets hidden. */
  public record RuleSummary(
      String id,
      String name,
      String trigger,
      List<String> conditions,
      List<String> actions,
      boolean paused,
      Instant createdAt) {}

  public record RunSummary(
      String id,
      Instant at,
      String event,
      String jobId,
      String submissionId,
      String outcome,
      int attempts,
      String error,
      List<ActionSummary> actions) {}

  public record ActionSummary(int index, String type, String outcome, int attempts, String error) {}

  public record RulePage(RuleSummary rule, List<RunSummary> runs) {}

  /** What a form asks for; {@code actions} hold the same keys as the API's action objects. */
  public record Draft(
      String name,
      String trigger,
      String jobId,
      String clientCompany,
      String stage,
      String reasonContains,
      List<Map<String, Object>> actions) {}

  /** Checks and stores a rule, or answers the API's 422 message, storing nothing. */
  @Transactional
  public String create(CurrentRecruiter recruiter, Draft draft) {
    RuleConditions conditions =
        new RuleConditions(
            draft.jobId(), draft.clientCompany(), draft.stage(), draft.reasonContains());
    return create(
            recruiter,
            new RuleValidation.Draft(draft.name(), draft.trigger(), conditions, draft.actions()))
        .id();
  }

  /** The one way a rule is made, for the API and the console alike. */
  AutomationRule create(CurrentRecruiter recruiter, RuleValidation.Draft body) {
    RuleValidation.Checked checked = validation.check(recruiter.workspaceId(), body);
    if (rules.countActive(recruiter.workspaceId()) >= RuleValidation.MAX_RULES) {
      throw new InvalidInputException(
          "rules", "a workspace has at most " + RuleValidation.MAX_RULES + " rules");
    }
    AutomationRule rule =
        new AutomationRule(
            Ids.next(),
            recruiter.workspaceId(),
            checked.name(),
            checked.trigger(),
            checked.conditions(),
            checked.actions(),
            false,
            recruiter.recruiterId(),
            clock.instant());
    rules.insert(rule);
    return rule;
  }

  /** The workspace's rules, oldest first: two statements (the rules, their jobs' titles). */
  @Transactional(readOnly = true)
  public List<RuleSummary> rules(String workspaceId) {
    List<AutomationRule> all = rules.list(workspaceId);
    Map<String, String> titles = titlesOf(all.stream());
    return all.stream().map(r -> summary(r, titles)).toList();
  }

  /** One rule and its recent runs, newest first. */
  @Transactional(readOnly = true)
  public RulePage page(String workspaceId, String ruleId) {
    AutomationRule rule = find(workspaceId, ruleId);
    List<RunSummary> shown =
        runs.ofRule(rule.id(), RUNS_SHOWN).entrySet().stream()
            .map(
                e -> {
                  RuleViews.RunView v = RuleViews.of(e.getKey(), e.getValue());
                  return new RunSummary(
                      v.id(),
                      v.at(),
                      v.event(),
                      v.jobId(),
                      v.submissionId(),
                      v.outcome(),
                      v.attempts(),
                      v.error(),
                      v.actions().stream()
                          .map(
                              a ->
                                  new ActionSummary(
                                      a.index(), a.type(), a.outcome(), a.attempts(), a.error()))
                          .toList());
                })
            .toList();
    return new RulePage(summary(rule, titlesOf(Stream.of(rule))), shown);
  }

  public void pause(String workspaceId, String ruleId, boolean paused) {
    if (!rules.pause(workspaceId, ruleId, paused)) {
      throw new NotFoundException("Rule");
    }
  }

  public void delete(String workspaceId, String ruleId) {
    if (!rules.delete(workspaceId, ruleId, clock.instant())) {
      throw new NotFoundException("Rule");
    }
  }

  AutomationRule find(String workspaceId, String ruleId) {
    return rules.find(workspaceId, ruleId).orElseThrow(() -> new NotFoundException("Rule"));
  }

  private Map<String, String> titlesOf(Stream<AutomationRule> all) {
    List<String> ids =
        all.map(r -> r.conditions().jobId()).filter(id -> id != null).distinct().toList();
    return ids.isEmpty() ? Map.of() : jobs.titles(ids);
  }

  private static RuleSummary summary(AutomationRule rule, Map<String, String> titles) {
    RuleConditions c = rule.conditions();
    List<String> conditions = new ArrayList<>();
    if (c.jobId() != null) {
      conditions.add("the job is " + titles.getOrDefault(c.jobId(), "a deleted job"));
    }
    if (c.clientCompany() != null) {
      conditions.add("the client company is " + c.clientCompany());
    }
    if (c.stage() != null) {
      conditions.add("the candidate's stage is " + c.stage());
    }
    if (c.reasonContains() != null) {
      conditions.add("the reason contains \"" + c.reasonContains() + "\"");
    }
    List<String> actions =
        rule.actions().stream().map(RuleViews::shownFor).map(AutomationRuleBook::words).toList();
    return new RuleSummary(
        rule.id(),
        rule.name(),
        rule.trigger().name(),
        conditions,
        actions,
        rule.paused(),
        rule.createdAt());
  }

  /** An action as the API shows it (secrets already "(set)"), in words. */
  private static String words(Map<String, String> shown) {
    return switch (ActionType.valueOf(shown.get("type"))) {
      case MOVE_STAGE -> "Move the candidate to " + shown.get("stage");
      case UPDATE_DEAL -> "Move the job's deal to " + shown.get("stage");
      case EMAIL ->
          "Email "
              + ("RECRUITER".equals(shown.get("to"))
                  ? "the submitting recruiter"
                  : shown.get("to"));
      case CREATE_TASK -> "Give the recruiter a task: " + shown.get("title");
      case WEBHOOK ->
          "Post a signed webhook to " + shown.get("url") + " (secret " + shown.get("secret") + ")";
      case SLACK ->
          "Post to Slack"
              + (shown.get("host") == null ? "" : " at " + shown.get("host"))
              + " (webhook URL "
              + shown.get("url")
              + ")";
    };
  }
}
