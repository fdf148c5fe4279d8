package com.hirepilot.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.rex.tools.ProposedAction;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Actions REX proposed, waiting for a person. Proposing checks that the action could run and stores
 * it; confirming runs it under the confirming caller's identity, once: the step from PROPOSED to
 * RUNNING is one conditional update, and a later confirmation answers with the stored result. What
 * each kind checks and does is its own class ({@link ProposedActionKind}).
 */
@Component
class ProposedActions {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What confirming an action did. */
  record Outcome(String actionId, String kind, String status, String detail, String ticketId) {}

  private final JdbcClient jdbc;
  private final AccessLinkResendAction accessLinkResend;
  private final SubmissionResendAction submissionResend;
  private final EscalationAction escalation;
  private final Clock clock;

  ProposedActions(
      JdbcClient jdbc,
      AccessLinkResendAction accessLinkResend,
      SubmissionResendAction submissionResend,
      EscalationAction escalation,
      Clock clock) {
    this.jdbc = jdbc;
    this.accessLinkResend = accessLinkResend;
    this.submissionResend = submissionResend;
    this.escalation = escalation;
    this.clock = clock;
  }

  Findings.Proposal propose(Caller caller, String conversationId, ProposedAction action) {
    ProposedActionKind.Check check;
    if (action instanceof ProposedAction.AccessLinkResend a) {
      check = accessLinkResend.check(caller, a);
    } else if (action instanceof ProposedAction.SubmissionResend s) {
      check = submissionResend.check(caller, s);
    } else {
      check = escalation.check(caller, (ProposedAction.Escalation) action);
    }
    if (check.isRefused()) {
      return Findings.Proposal.refused(action.kind(), check.refusal());
    }
    String id = Ids.next();
    jdbc.sql(
            """
            insert into rex_action (id, conversation_id, workspace_id, owner_kind, owner_id, kind,
              payload, summary, status, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?)
            """)
        .params(
            id,
            conversationId,
            caller.workspaceId(),
            caller.role().name(),
            caller.userId(),
            action.kind(),
            check.payload().toString(),
            truncate(check.summary(), 1000),
            Timestamps.param(clock.instant()))
        .update();
    return new Findings.Proposal(true, id, action.kind(), check.summary(), null);
  }

  /** Runs the caller's proposed action once; a repeat answers with what the first one did. */
  Outcome confirm(Caller caller, String actionId) {
    record Row(String kind, String payload, String status, String result) {}
    Row row =
        jdbc.sql(
                """
                select kind, payload, status, result from rex_action
                 where id = ? and workspace_id = ? and owner_kind = ? and owner_id = ?
                """)
            .params(actionId, caller.workspaceId(), caller.role().name(), caller.userId())
            .query(
                (rs, n) ->
                    new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .optional()
            .orElseThrow(() -> new NotFoundException("Proposed action"));
    int claimed =
        jdbc.sql(
                """
                update rex_action set status = 'RUNNING', confirmed_by = ?, confirmed_at = ?
                 where id = ? and status = 'PROPOSED'
                """)
            .params(
                caller.name() + " <" + caller.email() + ">",
                Timestamps.param(clock.instant()),
                actionId)
            .update();
    if (claimed != 1) {
      String result =
          jdbc.sql("select result from rex_action where id = ?")
              .param(actionId)
              .query(String.class)
              .single();
      if (result == null) {
        throw new ConflictException("This action is being confirmed right now.");
      }
      return read(result);
    }
    Outcome outcome;
    try {
      JsonNode payload = JSON.readTree(row.payload());
      ProposedActionKind.Done done = kindOf(row.kind()).run(caller, actionId, payload);
      outcome = new Outcome(actionId, row.kind(), "DONE", done.detail(), done.ticketId());
    } catch (RuntimeException | java.io.IOException e) {
      String why = e instanceof NotFoundException ? "the record no longer exists" : e.getMessage();
      outcome = new Outcome(actionId, row.kind(), "FAILED", "It could not be done: " + why, null);
    }
    jdbc.sql("update rex_action set status = ?, result = ? where id = ?")
        .params(outcome.status(), JSON.valueToTree(outcome).toString(), actionId)
        .update();
    return outcome;
  }

  private ProposedActionKind<?> kindOf(String kind) {
    return switch (kind) {
      case "RESEND_ACCESS_LINK" -> accessLinkResend;
      case "RESEND_SUBMISSION" -> submissionResend;
      case "OPEN_TICKET" -> escalation;
      default -> throw new InvalidInputException("actionId", "unknown action kind " + kind);
    };
  }

  private static Outcome read(String json) {
    try {
      return JSON.readValue(json, Outcome.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
