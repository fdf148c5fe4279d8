package com.hirepilot.app.support;

import com.hirepilot.app.notification.MailTemplates;
import com.hirepilot.app.notification.Mailer;
import com.hirepilot.app.notification.OutgoingEmail;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.EmailKind;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Escalation tickets: stored, listed for the workspace, and emailed to the support address. */
@Component
class Tickets {

  /** A ticket with every field the escalation policy asks for. */
  record Ticket(
      String id,
      String workspaceId,
      String jobId,
      String candidateId,
      String clientEmail,
      String portalUrl,
      String errorMessage,
      String browser,
      String summary,
      boolean urgent,
      String openedBy,
      Instant createdAt) {}

  private final JdbcClient jdbc;
  private final Mailer mailer;
  private final MailTemplates templates;
  private final RexProperties properties;
  private final PortalProperties portal;
  private final Clock clock;

  Tickets(
      JdbcClient jdbc,
      Mailer mailer,
      MailTemplates templates,
      RexProperties properties,
      PortalProperties portal,
      Clock clock) {
    this.jdbc = jdbc;
    this.mailer = mailer;
    this.templates = templates;
    this.properties = properties;
    this.portal = portal;
    this.clock = clock;
  }

  /**
   * Opens a ticket and emails it. With a {@code dedupeKey}, a second ticket with the same key is
   * not opened: the first one's ID is returned.
   */
  Ticket open(Ticket draft, String dedupeKey, String conversationId) {
    if (dedupeKey != null) {
      Optional<String> existing = byDedupeKey(dedupeKey);
      if (existing.isPresent()) {
        return get(existing.get()).orElseThrow();
      }
    }
    // The fields come from a conversation (an LLM may fill them): cut to the columns' sizes.
    Ticket ticket =
        new Ticket(
            Ids.next(),
            draft.workspaceId(),
            cut(draft.jobId(), 40),
            cut(draft.candidateId(), 40),
            cut(draft.clientEmail(), 320),
            cut(
                draft.portalUrl() != null
                    ? draft.portalUrl()
                    : draft.jobId() == null
                        ? portal.link("/portal")
                        : portal.link("/portal/jobs/" + draft.jobId()),
                2000),
            cut(draft.errorMessage(), 2000),
            cut(draft.browser(), 400),
            cut(draft.summary(), 2000),
            draft.urgent(),
            draft.openedBy(),
            clock.instant());
    try {
      jdbc.sql(
              """
              insert into support_ticket
                (id, workspace_id, job_id, candidate_id, client_email, portal_url, error_message,
                 browser, summary, urgent, dedupe_key, opened_by, conversation_id, created_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              ticket.id(),
              ticket.workspaceId(),
              ticket.jobId(),
              ticket.candidateId(),
              ticket.clientEmail(),
              ticket.portalUrl(),
              ticket.errorMessage(),
              ticket.browser(),
              ticket.summary(),
              ticket.urgent(),
              dedupeKey,
              ticket.openedBy(),
              conversationId,
              Timestamps.param(ticket.createdAt()))
          .update();
    } catch (DuplicateKeyException raced) {
      return get(byDedupeKey(dedupeKey).orElseThrow()).orElseThrow();
    }
    email(ticket);
    return ticket;
  }

  List<Ticket> ofWorkspace(String workspaceId) {
    return jdbc.sql(
            "select * from support_ticket where workspace_id = ? order by created_at desc limit 200")
        .param(workspaceId)
        .query(Tickets::row)
        .list();
  }

  Optional<Ticket> get(String id) {
    return jdbc.sql("select * from support_ticket where id = ?")
        .param(id)
        .query(Tickets::row)
        .optional();
  }

  private Optional<String> byDedupeKey(String key) {
    return jdbc.sql("select id from support_ticket where dedupe_key = ?")
        .param(key)
        .query(String.class)
        .optional();
  }

  private void email(Ticket t) {
    mailer.sendOnce("ticket/" + t.id(), () -> compose(t));
  }

  /** The ticket's email to the support address; it writes nothing, so it can be previewed. */
  OutgoingEmail compose(Ticket t) {
    String subject =
        (t.urgent() ? "URGENT " : "") + "Support ticket " + t.id() + ": " + abbreviate(t.summary());
    // The template's class lives in notification's package, which cannot see this feature's
    // Ticket record: it gets the ticket's fields as plain values.
    Map<String, Object> model = new HashMap<>();
    model.put("ticketId", t.id());
    model.put("urgent", t.urgent());
    model.put("openedBy", t.openedBy());
    model.put("summary", t.summary());
    model.put("workspaceId", t.workspaceId());
    model.put("jobId", orNone(t.jobId()));
    model.put("candidateId", orNone(t.candidateId()));
    model.put("clientEmail", orNone(t.clientEmail()));
    model.put("portalUrl", orNone(t.portalUrl()));
    model.put("errorMessage", orNone(t.errorMessage()));
    model.put("browser", orNone(t.browser()));
    MailTemplates.Rendered body = templates.render("support-ticket", model);
    return new OutgoingEmail(
        t.workspaceId(),
        null,
        EmailKind.SUPPORT_TICKET,
        properties.supportAddress(),
        subject,
        body.text(),
        body.html());
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "\u2026";
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? "(not given)" : value;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  private static Ticket row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Ticket(
        rs.getString("id"),
        rs.getString("workspace_id"),
        rs.getString("job_id"),
        rs.getString("candidate_id"),
        rs.getString("client_email"),
        rs.getString("portal_url"),
        rs.getString("error_message"),
        rs.getString("browser"),
        rs.getString("summary"),
        rs.getBoolean("urgent"),
        rs.getString("opened_by"),
        Timestamps.read(rs, "created_at"));
  }
}
