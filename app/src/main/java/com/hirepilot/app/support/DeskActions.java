package com.hirepilot.app.support;

import com.hirepilot.app.system.HealthSignals;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.rex.tools.ProposedAction;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What REX may do rather than look up: propose an action for a person to confirm, and open the one
 * urgent ticket when system health shows a system-wide failure. Kept apart from the reads because
 * these write (proposals, tickets) and are the only tools whose effects outlive the answer.
 */
@Service
class DeskActions {

  private final ProposedActions actions;
  private final Tickets tickets;
  private final HealthSignals health;
  private final Clock clock;

  DeskActions(ProposedActions actions, Tickets tickets, HealthSignals health, Clock clock) {
    this.actions = actions;
    this.tickets = tickets;
    this.health = health;
    this.clock = clock;
  }

  public Findings.Proposal propose(Caller caller, String conversationId, ProposedAction action) {
    return actions.propose(caller, conversationId, action);
  }

  public Findings.Escalation escalateSystemWideFailure(
      Caller caller, String conversationId, String summary) {
    List<HealthSignals.Reading> failing =
        health.readings().stream().filter(HealthSignals.Reading::systemWide).toList();
    if (failing.isEmpty()) {
      return new Findings.Escalation(
          false,
          null,
          "System health shows no system-wide failure right now, so no urgent ticket.");
    }
    String signals =
        String.join(",", failing.stream().map(r -> r.signal().name()).sorted().toList());
    String detail =
        String.join(
            "; ",
            failing.stream()
                .map(r -> r.signal().name() + " " + r.failures() + "/" + r.attempts())
                .toList());
    Tickets.Ticket ticket =
        tickets.open(
            new Tickets.Ticket(
                null,
                caller.workspaceId(),
                null,
                null,
                caller.isClient() ? caller.email() : null,
                null,
                detail,
                null,
                "System-wide failure: " + signals + (summary == null ? "" : " - " + summary),
                true,
                caller.name() + " (through REX)",
                null),
            // One urgent ticket per workspace and failing signals per window.
            "urgent/"
                + caller.workspaceId()
                + "/"
                + signals
                + "/"
                + (clock.instant().getEpochSecond() / HealthSignals.WINDOW.toSeconds()),
            conversationId);
    return new Findings.Escalation(true, ticket.id(), null);
  }
}
