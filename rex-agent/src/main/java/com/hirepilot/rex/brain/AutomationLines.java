package com.hirepilot.rex.brain;

import com.hirepilot.rex.tools.Findings.AutomationActionRun;
import com.hirepilot.rex.tools.Findings.AutomationRuleRuns;
import com.hirepilot.rex.tools.Findings.AutomationRun;
import com.hirepilot.rex.tools.Findings.AutomationRuns;
import java.util.ArrayList;
import java.util.List;

/** The run log of the workspace's rules in lines: each rule, then its newest runs. */
final class AutomationLines {

  private AutomationLines() {}

  /** The run log as lines for "What I found": each rule, then its newest runs. */
  static List<String> of(AutomationRuns log, List<AutomationRuleRuns> rules) {
    List<String> lines = new ArrayList<>();
    if (rules.isEmpty()) {
      lines.add(
          log.ruleNameOrId() == null
              ? "This workspace has no automation rules."
              : "No rule of this workspace is named or numbered \u201c"
                  + log.ruleNameOrId()
                  + "\u201d.");
      return lines;
    }
    for (AutomationRuleRuns r : rules.subList(0, Math.min(5, rules.size()))) {
      lines.add(describe(r));
      List<AutomationRun> runs = (r.runs() == null ? List.<AutomationRun>of() : r.runs());
      if (runs.isEmpty()) {
        lines.add(
            "\u201c"
                + r.name()
                + "\u201d has no runs"
                + (log.submissionId() == null ? "" : " for submission " + log.submissionId())
                + ".");
      }
      for (AutomationRun each : runs.subList(0, Math.min(3, runs.size()))) {
        lines.add(line(r, each));
      }
    }
    return lines;
  }

  static String describe(AutomationRuleRuns r) {
    String conditions =
        r.conditions() == null || r.conditions().isEmpty()
            ? ""
            : " when " + String.join(" and ", r.conditions());
    return "Rule \u201c"
        + r.name()
        + "\u201d ("
        + r.ruleId()
        + ") fires on "
        + r.trigger()
        + conditions
        + (r.paused() ? "; it is PAUSED" : "")
        + "; actions: "
        + (r.actionTypes() == null ? "none" : String.join(", ", r.actionTypes()))
        + ".";
  }

  static String line(AutomationRuleRuns r, AutomationRun run) {
    StringBuilder out =
        new StringBuilder("Run at ")
            .append(run.at())
            .append(" on the ")
            .append(run.event())
            .append(" event")
            .append(ofSubmission(run))
            .append(": ")
            .append(DeliveryReading.words(run.outcome()));
    List<String> actions = new ArrayList<>();
    for (AutomationActionRun a :
        run.actions() == null ? List.<AutomationActionRun>of() : run.actions()) {
      String what =
          a.type()
              + " "
              + DeliveryReading.words(a.outcome())
              + (a.attempts() > 1 ? " after " + a.attempts() + " attempts" : "");
      if (a.error() != null && !a.error().isBlank() && !"SUCCEEDED".equals(a.outcome())) {
        what += " (" + said(a.error()) + ")";
      }
      actions.add(what);
    }
    if (!actions.isEmpty()) {
      out.append("; ").append(String.join(", ", actions));
    }
    return out.append('.').toString();
  }

  /**
   * The error with the receiver named by host, not as a link: every answer drops links outside the
   * portal, and the receiver's name is the point here.
   */
  static String said(String error) {
    return error.replaceAll("(?i)\\bhttps?://", "");
  }

  static String ofSubmission(AutomationRun run) {
    return run.submissionId() == null ? "" : " of submission " + run.submissionId();
  }
}
