package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.hirepilot.rex.tools.Findings;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure across clients (nobody can sign in, the portal answers 500, downloads fail everywhere):
 * support escalates at once. Health is checked and its reading said. When health agrees, the urgent
 * ticket is opened straight away; when it is quiet, the user's word still counts: an urgent ticket
 * is proposed with what health shows and every field the policy lists, and the fields still missing
 * are asked for.
 */
final class SystemWideFailure implements Playbook {

  static final SystemWideFailure INSTANCE = new SystemWideFailure();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (turn.client()) {
      if (calls.read("portalStatus", args())) {
        return;
      }
      Findings.PortalStatus status = turn.evidence().portalStatus();
      if (status != null && status.systemWideProblem()) {
        calls.act("escalateSystemWideFailure", args("summary", status.summary()));
      } else if (status != null) {
        calls.act("proposeEscalation", Escalate.ticket(turn, reported(turn, status.summary())));
      }
      return;
    }
    if (calls.read("systemHealth", args())) {
      return;
    }
    Findings.SystemHealth health = turn.evidence().health();
    if (health != null && health.systemWide()) {
      calls.act("escalateSystemWideFailure", args("summary", summary(health)));
    } else if (health != null) {
      calls.act(
          "proposeEscalation", Escalate.ticket(turn, reported(turn, FindingLines.health(health))));
    }
  }

  /** The ticket's summary: the user's report, and what health showed when they made it. */
  private static String reported(Turn turn, String healthReading) {
    String report = Text.summaryOf(turn.question());
    return "Reported across clients: "
        + report
        + (report.matches("(?s).*[.!?]$") ? "" : ".")
        + " Health at the time: "
        + healthReading;
  }

  /** The failing signals, for an urgent ticket opened at once. */
  static String summary(Findings.SystemHealth health) {
    List<String> failing = new ArrayList<>();
    for (Findings.Signal s : health.signals()) {
      if (s.systemWide()) {
        failing.add(Text.signalName(s.name()) + " (" + s.failures() + " of " + s.attempts() + ")");
      }
    }
    return "System-wide failure reported to REX: " + String.join(", ", failing) + ".";
  }

  @Override
  public String diagnosis(Turn turn) {
    Findings.SystemHealth health = turn.evidence().health();
    Findings.PortalStatus status = turn.evidence().portalStatus();
    boolean quiet =
        (health != null && !health.systemWide()) || (status != null && !status.systemWideProblem());
    if (!quiet) {
      return null;
    }
    return "our health signals do not show it yet, but you report it across clients, and a"
        + " failure across clients is escalated at once. I propose an urgent ticket that"
        + " records your report and what health shows now.";
  }

  @Override
  public List<String> missing(Turn turn) {
    return Escalate.missingFields(turn);
  }

  @Override
  public String missingLead() {
    return "For the ticket, I still need ";
  }
}
