package com.hirepilot.app.automation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules and runs as the API shows them. A secret is never shown: a webhook's secret reads {@code
 * (set)}, a Slack URL (a credential in itself) only its host.
 */
final class RuleViews {

  static final String SET = "(set)";

  private RuleViews() {}

  record RuleView(
      String id,
      String name,
      String trigger,
      RuleConditions conditions,
      List<Map<String, String>> actions,
      boolean paused,
      Instant createdAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RunView(
      String id,
      Instant at,
      String event,
      String eventKey,
      String jobId,
      String submissionId,
      String outcome,
      int attempts,
      String error,
      List<ActionView> actions) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ActionView(
      int index, String type, String outcome, int attempts, String error, Instant lastAttemptAt) {}

  static RuleView of(AutomationRule rule) {
    return new RuleView(
        rule.id(),
        rule.name(),
        rule.trigger().name(),
        rule.conditions(),
        rule.actions().stream().map(RuleViews::shown).toList(),
        rule.paused(),
        rule.createdAt());
  }

  static RunView of(AutomationRuns.Run run, List<AutomationRuns.ActionRecord> actions) {
    // While the run is under way its total is the actions' attempts so far.
    int attempts =
        AutomationRuns.RUNNING.equals(run.outcome())
            ? actions.stream().mapToInt(AutomationRuns.ActionRecord::attempts).sum()
            : run.attempts();
    return new RunView(
        run.id(),
        run.at(),
        run.trigger(),
        run.eventKey(),
        run.jobId(),
        run.submissionId(),
        run.outcome(),
        attempts,
        run.error(),
        actions.stream()
            .map(
                a ->
                    new ActionView(
                        a.index(),
                        a.type(),
                        a.outcome(),
                        a.attempts(),
                        a.error(),
                        a.lastAttemptAt()))
            .toList());
  }

  /** The action's settings as shown outside: secrets read {@code (set)}. */
  static Map<String, String> shownFor(RuleAction action) {
    return shown(action);
  }

  private static Map<String, String> shown(RuleAction action) {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("type", action.type().name());
    action
        .settings()
        .forEach(
            (key, value) -> {
              if (action.type() == ActionType.WEBHOOK && key.equals("secret")) {
                shown.put(key, SET);
              } else if (action.type() == ActionType.SLACK && key.equals("url")) {
                shown.put("url", SET);
                shown.put("host", host(value));
              } else {
                shown.put(key, value);
              }
            });
    return shown;
  }

  private static String host(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
