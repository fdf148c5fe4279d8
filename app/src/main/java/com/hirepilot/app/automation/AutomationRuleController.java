package com.hirepilot.app.automation;

import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.ResourceId;
import com.hirepilot.app.workspace.CurrentRecruiter;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recruiter API for the workspace's automation rules and their run log. */
@RestController
@RequestMapping("/api/automation-rules")
class AutomationRuleController {

  /** Runs shown per rule: the recent ones; older runs stay in the database. */
  private static final int RUNS_SHOWN = 200;

  private final AutomationRules rules;
  private final AutomationRuns runs;
  private final AutomationRuleBook book;
  private final Clock clock;

  AutomationRuleController(
      AutomationRules rules, AutomationRuns runs, AutomationRuleBook book, Clock clock) {
    this.rules = rules;
    this.runs = runs;
    this.book = book;
    this.clock = clock;
  }

  @PostMapping
  @Transactional
  @Operation(summary = "Create a rule: when a lifecycle event matches, its actions run in order")
  ResponseEntity<RuleViews.RuleView> create(@RequestBody RuleValidation.Draft body) {
    AutomationRule rule = book.create(CurrentRecruiter.get(), body);
    return ResponseEntity.created(URI.create("/api/automation-rules/" + rule.id()))
        .body(RuleViews.of(rule));
  }

  @GetMapping
  @Operation(summary = "The workspace's rules (secrets never shown)")
  List<RuleViews.RuleView> list() {
    return rules.list(CurrentRecruiter.get().workspaceId()).stream().map(RuleViews::of).toList();
  }

  @GetMapping("/{ruleId}")
  @Operation(summary = "One rule (secrets never shown)")
  RuleViews.RuleView get(@PathVariable @ResourceId String ruleId) {
    return RuleViews.of(rule(ruleId));
  }

  @DeleteMapping("/{ruleId}")
  @Operation(summary = "Delete a rule: it no longer fires; its runs stay on record")
  ResponseEntity<Void> delete(@PathVariable @ResourceId String ruleId) {
    if (!rules.delete(CurrentRecruiter.get().workspaceId(), ruleId, clock.instant())) {
      throw new NotFoundException("Rule");
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{ruleId}/pause")
  @Operation(summary = "Pause a rule: it fires on nothing until resumed")
  RuleViews.RuleView pause(@PathVariable @ResourceId String ruleId) {
    return paused(ruleId, true);
  }

  @PostMapping("/{ruleId}/resume")
  @Operation(summary = "Resume a paused rule")
  RuleViews.RuleView resume(@PathVariable @ResourceId String ruleId) {
    return paused(ruleId, false);
  }

  @GetMapping("/{ruleId}/runs")
  @Operation(summary = "The rule's runs, newest first, with each action's outcome and attempts")
  List<RuleViews.RunView> runs(@PathVariable @ResourceId String ruleId) {
    AutomationRule rule = rule(ruleId);
    return runs.ofRule(rule.id(), RUNS_SHOWN).entrySet().stream()
        .map(e -> RuleViews.of(e.getKey(), e.getValue()))
        .toList();
  }

  private RuleViews.RuleView paused(String ruleId, boolean paused) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    if (!rules.pause(workspaceId, ruleId, paused)) {
      throw new NotFoundException("Rule");
    }
    return RuleViews.of(rule(ruleId));
  }

  private AutomationRule rule(String ruleId) {
    return rules
        .find(CurrentRecruiter.get().workspaceId(), ruleId)
        .orElseThrow(() -> new NotFoundException("Rule"));
  }
}
