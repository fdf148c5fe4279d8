package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to escalate: propose a ticket once it has every field the support policy lists (job,
 * client's address, the exact error, browser and system; the candidate and portal address when
 * known); until then, ask for what is missing.
 */
final class Escalate implements Playbook {

  static final Escalate INSTANCE = new Escalate();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (missingFields(turn).isEmpty()) {
      ObjectNode ticket = ticket(turn, Text.summaryOf(turn.question()));
      ticket.remove("urgent");
      calls.act("proposeEscalation", ticket);
    }
  }

  /** The ticket's fields from the conversation; urgent, for a failure across clients. */
  static ObjectNode ticket(Turn turn, String summary) {
    Understanding u = turn.understanding();
    ObjectNode ticket =
        turn.client()
            ? args(
                "jobId", u.job(),
                "portalUrl", u.portalUrl(),
                "errorMessage", u.errorMessage(),
                "browser", u.browser(),
                "summary", summary)
            : args(
                "jobId", u.job(),
                "candidateId", u.candidateId(),
                "clientEmail", u.email(),
                "portalUrl", u.portalUrl(),
                "errorMessage", u.errorMessage(),
                "browser", u.browser(),
                "summary", summary);
    ticket.put("urgent", true);
    return ticket;
  }

  @Override
  public String opener(Turn turn) {
    return "I can open a ticket for the support team with everything they need to act on it.";
  }

  @Override
  public List<String> missing(Turn turn) {
    return missingFields(turn);
  }

  @Override
  public String missingLead() {
    return "For the ticket, I still need ";
  }

  /** The ticket fields the user has not given yet, in words. */
  static List<String> missingFields(Turn turn) {
    Understanding u = turn.understanding();
    List<String> missing = new ArrayList<>();
    if (!turn.client() && u.job() == null) {
      missing.add("the job REQ ID");
    }
    if (!turn.client() && u.email() == null) {
      missing.add("the client's email address");
    }
    if (u.errorMessage() == null) {
      missing.add("the exact error message shown (in quotes)");
    }
    if (u.browser() == null) {
      missing.add("the browser and system (for example \"Chrome 120 on Windows 11\")");
    }
    return missing;
  }
}
