package com.hirepilot.rex.brain;

import com.hirepilot.rex.tools.Findings.AutomationActionRun;
import com.hirepilot.rex.tools.Findings.AutomationRuleRuns;
import com.hirepilot.rex.tools.Findings.AutomationRun;
import com.hirepilot.rex.tools.Findings.AutomationRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the run log of the workspace's rules says about a rule, webhook or Slack message that did
 * not fire or arrive: which rule and event decide, and what the receiver answered. The run log is
 * the truth: a run with a failed action names the receiver's answer; no run at all means no event
 * matched the rule, because it is paused, listens to another trigger, or its conditions did not
 * hold.
 */
final class AutomationReading {

  /** The answer's gist, one per way an automation can seem not to fire. */
  enum Verdict {
    /** The workspace has no rule (of the kind asked about). */
    NO_RULE,
    /** A run fired and an action failed for good: the receiver's answer says why. */
    ACTION_FAILED,
    /** A run is under way and an action is being retried after a failure. */
    RETRYING,
    /** The rule fired and every action succeeded: the receiving side has it. */
    SUCCEEDED,
    /** No run: no event matched the rule (paused, another trigger, or its conditions). */
    NO_RUN
  }

  private final AutomationRuns log;
  private final String focus;
  private final List<AutomationRuleRuns> rules;
  private final AutomationRuleRuns rule;
  private final AutomationRun run;
  private final AutomationActionRun action;
  private final Verdict verdict;

  private AutomationReading(AutomationRuns log, String focus) {
    this.log = log;
    this.focus = focus;
    List<AutomationRuleRuns> all = log.rules() == null ? List.of() : log.rules();
    // The rules that could have sent what the user missed; all of them when none fits.
    List<AutomationRuleRuns> fitting =
        focus == null
            ? all
            : all.stream()
                .filter(r -> r.actionTypes() != null && r.actionTypes().contains(focus))
                .toList();
    this.rules = fitting.isEmpty() && focus != null ? all : fitting;
    AutomationRuleRuns decidingRule = null;
    AutomationRun decidingRun = null;
    AutomationActionRun decidingAction = null;
    Verdict found = null;
    // The newest run whose action (of the kind asked about, when one was) failed or is retrying.
    for (AutomationRuleRuns r : rules) {
      for (AutomationRun candidate : runs(r)) {
        AutomationActionRun troubled = troubled(candidate);
        if (troubled != null && (decidingRun == null || newer(candidate, decidingRun))) {
          decidingRule = r;
          decidingRun = candidate;
          decidingAction = troubled;
          found = "FAILED".equals(troubled.outcome()) ? Verdict.ACTION_FAILED : Verdict.RETRYING;
        }
      }
    }
    if (found == null) {
      for (AutomationRuleRuns r : rules) {
        for (AutomationRun candidate : runs(r)) {
          if (decidingRun == null || newer(candidate, decidingRun)) {
            decidingRule = r;
            decidingRun = candidate;
          }
        }
      }
      found =
          rules.isEmpty() || (focus != null && fitting.isEmpty())
              ? Verdict.NO_RULE
              : decidingRun == null ? Verdict.NO_RUN : Verdict.SUCCEEDED;
    }
    this.rule = decidingRule;
    this.run = decidingRun;
    this.action = decidingAction;
    this.verdict = found;
  }

  /**
   * Reads the log for a question; the question's words say which kind of action was missed (a Slack
   * message, a webhook), so a rule of that kind decides.
   */
  static AutomationReading of(AutomationRuns log, String question) {
    String q = question == null ? "" : question.toLowerCase(Locale.ROOT);
    String focus = q.contains("slack") ? "SLACK" : q.contains("webhook") ? "WEBHOOK" : null;
    return new AutomationReading(log, focus);
  }

  Verdict verdict() {
    return verdict;
  }

  /** The run log as lines for "What I found": each rule, then its newest runs. */
  List<String> findings() {
    return AutomationLines.of(log, rules);
  }

  /** What the log means, for "What it means". */
  String diagnosis() {
    return switch (verdict) {
      case NO_RULE ->
          focus == null
              ? "there is no automation rule to fire: create one with POST /api/automation-rules."
              : "no rule of this workspace has a "
                  + focus
                  + " action, so nothing could have sent it: add one to a rule (POST"
                  + " /api/automation-rules).";
      case ACTION_FAILED -> failed();
      case RETRYING ->
          "rule \u201c"
              + rule.name()
              + "\u201d fired on the "
              + rule.trigger()
              + " event"
              + AutomationLines.ofSubmission(run)
              + ", and its "
              + action.type()
              + " action is being retried: attempt "
              + action.attempts()
              + " failed, the receiver said \u201c"
              + AutomationLines.said(action.error())
              + "\u201d. HirePilot tries up to 8 times with backoff; once the receiver answers"
              + " 2xx it arrives on its own, so no one needs to send it again.";
      case SUCCEEDED ->
          "rule \u201c"
              + rule.name()
              + "\u201d fired on the "
              + run.event()
              + " event"
              + AutomationLines.ofSubmission(run)
              + " at "
              + run.at()
              + " and every action succeeded: the receiver answered 2xx, so it has the message."
              + " Look on the receiving side (the Slack channel the webhook posts to, the"
              + " endpoint's logs).";
      case NO_RUN -> noRun();
    };
  }

  private String failed() {
    String said =
        action.error() == null ? "no answer was recorded" : AutomationLines.said(action.error());
    String why;
    if (said.matches("(?s).* answered (408|429|5\\d\\d)\\b.*")
        || said.toLowerCase(Locale.ROOT).contains("timed out")
        || said.toLowerCase(Locale.ROOT).contains("failed:")) {
      why =
          " The receiver kept failing, so HirePilot retried it "
              + action.attempts()
              + (action.attempts() == 1 ? " time" : " times")
              + " with backoff and then gave up. Fix the receiving side; the next event fires the"
              + " rule again.";
    } else if (said.matches("(?s).* answered [34]\\d\\d\\b.*")) {
      why =
          " The receiver refused it, and an answer like that is not retried: the URL is wrong,"
              + " revoked (Slack answers 403 or 404 for a removed webhook) or the receiver rejects"
              + " the signature. Fix the URL or the receiver, then update the rule.";
    } else {
      why = " Fix the cause; the next event fires the rule again.";
    }
    return "rule \u201c"
        + rule.name()
        + "\u201d fired on the "
        + run.event()
        + " event"
        + AutomationLines.ofSubmission(run)
        + " at "
        + run.at()
        + ", but its "
        + action.type()
        + " action failed after "
        + action.attempts()
        + (action.attempts() == 1 ? " attempt" : " attempts")
        + ": the receiver said \u201c"
        + said
        + "\u201d."
        + why;
  }

  private String noRun() {
    List<String> reasons = new ArrayList<>();
    for (AutomationRuleRuns r : rules) {
      if (r.paused()) {
        reasons.add("\u201c" + r.name() + "\u201d is paused, so it fires on no event");
      } else if (r.conditions() == null || r.conditions().isEmpty()) {
        reasons.add(
            "\u201c"
                + r.name()
                + "\u201d fires only on "
                + r.trigger()
                + " events, and none has happened"
                + (log.submissionId() == null ? "" : " for this submission"));
      } else {
        reasons.add(
            "\u201c"
                + r.name()
                + "\u201d fires only on "
                + r.trigger()
                + " events where "
                + String.join(" and ", r.conditions())
                + ", and no event"
                + (log.submissionId() == null ? "" : " of this submission")
                + " matched them");
      }
    }
    return "no rule matched the event, so nothing ran (a rule that ran would have a run on"
        + " record): "
        + String.join("; ", reasons)
        + ". Resume a paused rule, or change its trigger or conditions; an event that already"
        + " passed does not fire it afterwards.";
  }

  /** The run's action that failed or is failing, preferring the kind asked about; or null. */
  private AutomationActionRun troubled(AutomationRun run) {
    AutomationActionRun any = null;
    for (AutomationActionRun a :
        run.actions() == null ? List.<AutomationActionRun>of() : run.actions()) {
      boolean trouble =
          "FAILED".equals(a.outcome())
              || ("RUNNING".equals(run.outcome())
                  && a.attempts() > 0
                  && a.error() != null
                  && !"SUCCEEDED".equals(a.outcome()));
      if (trouble) {
        if (a.type().equals(focus)) {
          return a;
        }
        if (any == null) {
          any = a;
        }
      }
    }
    return any;
  }

  private static boolean newer(AutomationRun a, AutomationRun b) {
    // Times are written "yyyy-MM-dd HH:mm UTC", so their text order is their time order.
    return a.at() != null && (b.at() == null || a.at().compareTo(b.at()) > 0);
  }

  private static List<AutomationRun> runs(AutomationRuleRuns r) {
    return r.runs() == null ? List.of() : r.runs();
  }
}
