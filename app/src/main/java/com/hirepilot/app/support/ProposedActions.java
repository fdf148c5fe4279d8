package com.hirepilot.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirepilot.app.auth.AccessLinkResends;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.AttachmentVersions;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.submission.RecruiterActions;
import com.hirepilot.app.submission.SubmissionDetails;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.rex.tools.ProposedAction;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Actions REX proposed, waiting for a person. Proposing checks that the action could run and stores
 * it; confirming runs it under the confirming caller's identity, once: the step from PROPOSED to
 * RUNNING is one conditional update, and a later confirmation answers with the stored result.
 */
@Component
class ProposedActions {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What confirming an action did. */
  record Outcome(String actionId, String kind, String status, String detail, String ticketId) {}

  private final JdbcClient jdbc;
  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final SubmissionOverview overview;
  private final CandidateFiles candidateFiles;
  private final AccessLinkResends accessLinks;
  private final RecruiterActions recruiterActions;
  private final Tickets tickets;
  private final JobActivityLog activity;
  private final AddressFlags flags;
  private final Clock clock;

  ProposedActions(
      JdbcClient jdbc,
      JobService jobs,
      JobCollaborators collaborators,
      SubmissionOverview overview,
      CandidateFiles candidateFiles,
      AccessLinkResends accessLinks,
      RecruiterActions recruiterActions,
      Tickets tickets,
      JobActivityLog activity,
      AddressFlags flags,
      Clock clock) {
    this.jdbc = jdbc;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.overview = overview;
    this.candidateFiles = candidateFiles;
    this.accessLinks = accessLinks;
    this.recruiterActions = recruiterActions;
    this.tickets = tickets;
    this.activity = activity;
    this.flags = flags;
    this.clock = clock;
  }

  Findings.Proposal propose(Caller caller, String conversationId, ProposedAction action) {
    ObjectNode payload = JSON.createObjectNode();
    String summary;
    if (action instanceof ProposedAction.AccessLinkResend a) {
      Optional<Collaborator> who = collaboratorFor(caller, a.jobId(), a.email());
      if (who.isEmpty()) {
        return Findings.Proposal.refused(
            action.kind(),
            "that address is not an active collaborator on that job in this workspace.");
      }
      Collaborator c = who.get();
      Optional<AddressFlags.Flag> flag = flags.find(caller.workspaceId(), c.email());
      if (flag.isPresent()) {
        // Whoever proposes it (the offline brain never does, a language model might), a link
        // to an address that bounced would bounce again.
        return Findings.Proposal.refused(action.kind(), flaggedReason(c, flag.get()));
      }
      payload.put("jobId", c.jobId()).put("collaboratorId", c.id());
      summary =
          caller.isClient()
              ? "email you (" + c.email() + ") a fresh sign-in link"
              : "email "
                  + c.displayName()
                  + " <"
                  + c.email()
                  + "> a fresh sign-in link to \u201c"
                  + jobs.titles(List.of(c.jobId())).get(c.jobId())
                  + "\u201d";
    } else if (action instanceof ProposedAction.SubmissionResend s) {
      if (caller.isClient()) {
        return Findings.Proposal.refused(action.kind(), "only a recruiter can resend.");
      }
      SubmissionDetails details;
      try {
        details = overview.of(caller.workspaceId(), s.submissionId());
      } catch (NotFoundException e) {
        return Findings.Proposal.refused(action.kind(), "there is no such submission here.");
      }
      if (details.summary().status().isFinal()) {
        return Findings.Proposal.refused(
            action.kind(),
            "the submission is "
                + details.summary().status().name().toLowerCase().replace('_', ' ')
                + ", so there is nothing to resend.");
      }
      List<Collaborator> recipients = collaborators.activeOnJob(details.summary().jobId());
      Map<String, AddressFlags.Flag> flagged =
          flags.among(caller.workspaceId(), recipients.stream().map(Collaborator::email).toList());
      if (!recipients.isEmpty() && flagged.size() == recipients.size()) {
        Collaborator c = recipients.get(0);
        return Findings.Proposal.refused(
            action.kind(), flaggedReason(c, flagged.values().iterator().next()));
      }
      payload.put("submissionId", s.submissionId());
      List<String> newNames = new ArrayList<>();
      if (s.withNewestFiles()) {
        List<Attachment> all = candidateFiles.attachmentsOf(details.summary().candidateId());
        List<String> files = AttachmentVersions.of(all).newestPublicFiles(details.attachmentIds());
        if (!files.equals(details.attachmentIds())) {
          payload.set("attachmentIds", JSON.valueToTree(files));
          for (Attachment a : all) {
            if (files.contains(a.id()) && !details.attachmentIds().contains(a.id())) {
              newNames.add(a.filename());
            }
          }
        }
      }
      summary =
          "resend the submission of "
              + details.summary().candidateName()
              + " for \u201c"
              + details.summary().jobTitle()
              + "\u201d"
              + (newNames.isEmpty() ? "" : " with " + String.join(", ", newNames));
    } else {
      ProposedAction.Escalation e = (ProposedAction.Escalation) action;
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
        return Findings.Proposal.refused(
            action.kind(), "a ticket needs " + String.join(", ", missing) + ".");
      }
      if (!blank(e.jobId()) && jobs.find(caller.workspaceId(), e.jobId()).isEmpty()) {
        return Findings.Proposal.refused(action.kind(), "there is no such job here.");
      }
      ObjectNode ticket = JSON.valueToTree(e);
      String about = blank(e.summary()) ? e.errorMessage() : e.summary();
      if (!missing.isEmpty()) {
        about = about + " (still to collect: " + String.join(", ", missing) + ")";
        ticket.put("summary", about);
      }
      payload.set("ticket", ticket);
      summary =
          (e.urgent() ? "open an URGENT support ticket: " : "open a support ticket: ") + about;
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
            payload.toString(),
            truncate(summary, 1000),
            Timestamps.param(clock.instant()))
        .update();
    return new Findings.Proposal(true, id, action.kind(), summary, null);
  }

  private static String flaggedReason(Collaborator c, AddressFlags.Flag flag) {
    return c.email()
        + " is flagged ("
        + flag.describe()
        + "), so nothing is sent to it. Confirm the address (POST /api/jobs/"
        + c.jobId()
        + "/collaborators/"
        + c.id()
        + "/address-confirmation) or correct it (PATCH the collaborator's email) first.";
  }

  private Optional<Collaborator> collaboratorFor(Caller caller, String jobId, String email) {
    if (caller.isClient()) {
      return collaborators
          .find(caller.userId())
          .filter(Collaborator::isActive)
          .filter(c -> c.workspaceId().equals(caller.workspaceId()));
    }
    if (email == null) {
      return Optional.empty();
    }
    return collaborators.byEmail(caller.workspaceId(), email).stream()
        .filter(Collaborator::isActive)
        .filter(c -> jobId == null || c.jobId().equals(jobId))
        .findFirst();
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
      outcome = run(caller, actionId, row.kind(), JSON.readTree(row.payload()));
    } catch (RuntimeException | java.io.IOException e) {
      String why = e instanceof NotFoundException ? "the record no longer exists" : e.getMessage();
      outcome = new Outcome(actionId, row.kind(), "FAILED", "It could not be done: " + why, null);
    }
    jdbc.sql("update rex_action set status = ?, result = ? where id = ?")
        .params(outcome.status(), JSON.valueToTree(outcome).toString(), actionId)
        .update();
    return outcome;
  }

  private Outcome run(Caller caller, String actionId, String kind, JsonNode payload) {
    String by = caller.name() + " (through REX)";
    switch (kind) {
      case "RESEND_ACCESS_LINK" -> {
        Collaborator c =
            accessLinks.send(
                caller.workspaceId(),
                payload.path("jobId").asText(),
                payload.path("collaboratorId").asText(),
                by,
                "rex/" + actionId);
        return new Outcome(
            actionId,
            kind,
            "DONE",
            "A fresh sign-in link is on its way to " + c.email() + ".",
            null);
      }
      case "RESEND_SUBMISSION" -> {
        List<String> files = null;
        if (payload.has("attachmentIds")) {
          files = new ArrayList<>();
          for (JsonNode id : payload.path("attachmentIds")) {
            files.add(id.asText());
          }
        }
        var resent =
            recruiterActions.resend(
                new CurrentRecruiter(
                    caller.userId(), caller.workspaceId(), caller.name(), caller.email()),
                payload.path("submissionId").asText(),
                files,
                null);
        return new Outcome(
            actionId,
            kind,
            "DONE",
            "The submission email is going out again (round " + resent.round() + ").",
            null);
      }
      case "OPEN_TICKET" -> {
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
        return new Outcome(
            actionId,
            kind,
            "DONE",
            "Ticket " + ticket.id() + " is open with the support team.",
            ticket.id());
      }
      default -> throw new InvalidInputException("actionId", "unknown action kind " + kind);
    }
  }

  private static Outcome read(String json) {
    try {
      return JSON.readValue(json, Outcome.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
