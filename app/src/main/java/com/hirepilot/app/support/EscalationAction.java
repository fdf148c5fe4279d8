package com.hirepilot.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobService;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.ProposedAction;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Opening a support ticket with the fields the escalation policy asks for (a client is not asked
 * for the job or their own address). Once open, a ticket about a job shows in the job's activity.
 */
@Component
class EscalationAction implements ProposedActionKind<ProposedAction.Escalation> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobService jobs;
  private final Tickets tickets;
  private final JobActivityLog activity;
  private final Clock clock;

  EscalationAction(JobService jobs, Tickets tickets, JobActivityLog activity, Clock clock) {
    this.jobs = jobs;
    this.tickets = tickets;
    this.activity = activity;
    this.clock = clock;
  }

  @Override
  public Check check(Caller caller, ProposedAction.Escalation e) {
    List<String> missing = new ArrayList<>();
    if (!caller.isClient() && blank(e.jobId())) {
      missing.add("the job REQ ID");
    }
    if (!caller.isClient() && blank(e.clientEmail())) {
      missing.add("the client's email");
    }
    if (blank(e.errorMessage())) {
      missing.add("the error message");
    }
    if (blank(e.browser())) {
      missing.add("browser and system details");
    }
    // A failure reported across clients is escalated at once: what is missing is noted on the
    // ticket for support to collect, rather than held back until the user finds it.
    if (!missing.isEmpty() && !e.urgent()) {
      return Check.refused("a ticket needs " + String.join(", ", missing) + ".");
    }
    if (!blank(e.jobId()) && jobs.find(caller.workspaceId(), e.jobId()).isEmpty()) {
      return Check.refused("there is no such job here.");
    }
    ObjectNode ticket = JSON.valueToTree(e);
    String about = blank(e.summary()) ? e.errorMessage() : e.summary();
    if (!missing.isEmpty()) {
      about = about + " (still to collect: " + String.join(", ", missing) + ")";
      ticket.put("summary", about);
    }
    ObjectNode payload = JSON.createObjectNode();
    payload.set("ticket", ticket);
    return Check.ready(
        payload,
        (e.urgent() ? "open an URGENT support ticket: " : "open a support ticket: ") + about);
  }

  @Override
  public Done run(Caller caller, String actionId, JsonNode payload) {
    String by = ProposedActionKind.throughRex(caller);
    JsonNode t = payload.path("ticket");
    Tickets.Ticket ticket =
        tickets.open(
            new Tickets.Ticket(
                null,
                caller.workspaceId(),
                text(t, "jobId"),
                text(t, "candidateId"),
                text(t, "clientEmail"),
                text(t, "portalUrl"),
                text(t, "errorMessage"),
                text(t, "browser"),
                text(t, "summary") == null ? text(t, "errorMessage") : text(t, "summary"),
                t.path("urgent").asBoolean(false),
                by,
                null),
            null,
            null);
    if (ticket.jobId() != null) {
      activity.append(
          "ticket/" + ticket.id(),
          ticket.jobId(),
          null,
          SubmissionEventType.ESCALATED,
          by,
          false,
          "Support ticket " + ticket.id() + " opened: " + ticket.summary(),
          clock.instant());
    }
    return new Done("Ticket " + ticket.id() + " is open with the support team.", ticket.id());
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
