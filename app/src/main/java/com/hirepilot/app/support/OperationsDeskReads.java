package com.hirepilot.app.support;

import com.hirepilot.app.automation.AutomationReport;
import com.hirepilot.app.system.HealthSignals;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Findings;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What REX looks up for a recruiter about the machinery rather than a record: the workspace's
 * automation rules and their latest runs, and system health. Neither opens a transaction here: the
 * automation report runs in its own, and system health is in memory.
 */
@Service
class OperationsDeskReads {

  private final HealthSignals health;
  private final AutomationReport automation;

  OperationsDeskReads(HealthSignals health, AutomationReport automation) {
    this.health = health;
    this.automation = automation;
  }

  public Findings.AutomationRuns automationRuns(
      Caller caller, String ruleNameOrId, String submissionId) {
    // Three statements however many rules and runs (the report's own transaction): the rules,
    // their latest runs, those runs' actions. Actions are named by type, never by their settings.
    List<Findings.AutomationRuleRuns> rules =
        automation.of(caller.workspaceId(), ruleNameOrId, submissionId).stream()
            .map(
                r ->
                    new Findings.AutomationRuleRuns(
                        r.ruleId(),
                        r.name(),
                        r.trigger(),
                        r.paused(),
                        r.conditions(),
                        r.actionTypes(),
                        r.runs().stream().map(DeskFindings::automationRun).toList()))
            .toList();
    return new Findings.AutomationRuns(ruleNameOrId, submissionId, rules);
  }

  public Findings.SystemHealth systemHealth(Caller caller) {
    List<Findings.Signal> signals =
        health.readings().stream()
            .map(
                r ->
                    new Findings.Signal(
                        r.signal().name(), r.failures(), r.attempts(), r.systemWide()))
            .toList();
    return new Findings.SystemHealth(
        (int) HealthSignals.WINDOW.toMinutes(),
        signals,
        signals.stream().anyMatch(Findings.Signal::systemWide));
  }
}
