package com.hirepilot.app.notification;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.notification.EmailDelivery.Status;
import com.hirepilot.app.system.Timestamps;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SendGrid's word on our messages, from its Event Webhook batches: each delivery event becomes a
 * status in its delivery's history, and a hard bounce, a drop or a spam report flags the address.
 * Engagement events (open, click, unsubscribe...) and {@code processed} change nothing.
 */
@Component
class SendGridEvents {

  private static final Logger log = LoggerFactory.getLogger(SendGridEvents.class);

  /** The width of {@code sendgrid_event.sg_event_id} (V15). */
  private static final int MAX_EVENT_ID = 100;

  private final ObjectMapper json;
  private final EmailDeliveries deliveries;
  private final AddressFlags flags;
  private final JdbcClient jdbc;
  private final Clock clock;

  SendGridEvents(
      ObjectMapper json,
      EmailDeliveries deliveries,
      AddressFlags flags,
      JdbcClient jdbc,
      Clock clock) {
    this.json = json;
    this.deliveries = deliveries;
    this.flags = flags;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * One event that says something about a delivery.
   *
   * @param deliveryId the {@code hp_delivery} unique argument every message carries, if any
   * @param smtpId the message's {@code Message-ID}, for an event without {@code hp_delivery}
   * @param flagsAddress whether the address is to blame, so new mail to it waits for a recruiter
   */
  record Event(
      String eventId,
      Status status,
      Instant at,
      String deliveryId,
      String smtpId,
      String reason,
      boolean flagsAddress) {}

  /** A batch that is not SendGrid's event format; answered 400 before anything is written. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }

  /**
   * Reads a whole batch before any of it is applied, so a bad one is refused whole.
   *
   * @throws Unreadable when the body is not a JSON array of events, or an event we act on lacks its
   *     ID or time
   */
  List<Event> read(byte[] body) {
    JsonNode batch;
    try {
      batch = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
    } catch (IOException e) {
      throw new Unreadable("The body is not JSON.");
    }
    if (batch == null || !batch.isArray()) {
      throw new Unreadable("The body is not a JSON array of events.");
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      JsonNode node = batch.get(i);
      if (!node.isObject()) {
        throw new Unreadable("Event " + i + " is not an object.");
      }
      String type = text(node, "event");
      if (type == null) {
        throw new Unreadable("Event " + i + " has no \"event\".");
      }
      Optional<Event> event = event(i, type.toLowerCase(Locale.ROOT), node);
      event.ifPresent(events::add);
    }
    return events;
  }

  /**
   * What one SendGrid event type means for its delivery. A {@code bounce} of type {@code blocked}
   * is the receiving server refusing this message (our sending IP's reputation, the content, a
   * deferral that outlasted SendGrid's 72 hours), not the address; SendGrid does not retry it and
   * does not suppress the address. So the delivery is BOUNCED (the email will not arrive and
   * someone has to act) but the address is not flagged (mail to it may go again).
   */
  private Optional<Event> event(int index, String type, JsonNode node) {
    Status status;
    String reason;
    boolean flagsAddress;
    switch (type) {
      case "delivered" -> {
        status = Status.DELIVERED;
        reason = null;
        flagsAddress = false;
      }
      case "deferred" -> {
        status = Status.DEFERRED;
        reason = firstOf(text(node, "response"), text(node, "reason"));
        flagsAddress = false;
      }
      case "bounce" -> {
        status = Status.BOUNCED;
        boolean blocked = "blocked".equalsIgnoreCase(text(node, "type"));
        String said = firstOf(text(node, "reason"), text(node, "response"));
        reason = blocked ? "blocked by the receiving server, not the address" + colon(said) : said;
        flagsAddress = !blocked;
      }
      case "dropped" -> {
        status = Status.DROPPED;
        reason = text(node, "reason");
        flagsAddress = true;
      }
      case "spamreport" -> {
        status = Status.SPAM_REPORT;
        reason = null;
        flagsAddress = true;
      }
      default -> {
        return Optional.empty();
      }
    }
    String eventId = text(node, "sg_event_id");
    if (eventId == null || eventId.length() > MAX_EVENT_ID) {
      throw new Unreadable("Event " + index + " (" + type + ") has no usable \"sg_event_id\".");
    }
    JsonNode timestamp = node.get("timestamp");
    if (timestamp == null || !timestamp.isNumber() || !timestamp.canConvertToLong()) {
      throw new Unreadable("Event " + index + " (" + type + ") has no numeric \"timestamp\".");
    }
    return Optional.of(
        new Event(
            eventId,
            status,
            Instant.ofEpochSecond(timestamp.asLong()),
            text(node, "hp_delivery"),
            text(node, "smtp-id"),
            reason,
            flagsAddress));
  }

  /**
   * Applies the batch in one transaction: each event once (its {@code sg_event_id} is recorded with
   * the change, so a replayed or retried batch changes nothing), each with a constant number of
   * statements. An event for a message that is not ours is skipped.
   *
   * @return how many events changed something
   */
  @Transactional
  int apply(List<Event> events) {
    Instant now = clock.instant();
    int applied = 0;
    Map<String, Instant> lastAt = new HashMap<>();
    for (Event event : events) {
      Optional<EmailDelivery> delivery = deliveryOf(event);
      if (delivery.isEmpty()) {
        // Another sender on the same SendGrid account, or a delivery since deleted.
        log.debug(
            "SendGrid event {} ({}) names no delivery of ours", event.eventId(), event.status());
        continue;
      }
      if (!firstTime(event.eventId(), now)) {
        continue;
      }
      String deliveryId = delivery.get().id();
      Instant at =
          inOrder(
              event.at(),
              later(
                  later(delivery.get().sentAt(), delivery.get().statusAt()),
                  lastAt.get(deliveryId)));
      lastAt.put(deliveryId, at);
      deliveries.providerSaid(deliveryId, event.status(), event.reason(), at);
      if (event.flagsAddress()) {
        String workspaceId = deliveries.workspaceOf(deliveryId).orElseThrow();
        flags.flag(
            workspaceId,
            delivery.get().recipient(),
            event.status(),
            event.reason(),
            deliveryId,
            at);
      }
      applied++;
    }
    return applied;
  }

  /**
   * SendGrid's times are whole seconds, ours are not: a "delivered" within the second of our
   * hand-off would read as if it came before it, and two events of one second in either order. An
   * event whose second may still hold the last thing known of the delivery (the hand-off, its
   * current status, or the batch's previous event for it) goes just after it, in the order SendGrid
   * sent them; an event clearly earlier keeps its time.
   */
  static Instant inOrder(Instant eventAt, Instant known) {
    if (known == null || eventAt.isAfter(known) || !eventAt.plusSeconds(1).isAfter(known)) {
      return eventAt;
    }
    return known.plusMillis(1);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /**
   * Forgets event IDs received before the cutoff, at most {@code limit} of them.
   *
   * @return how many were forgotten
   */
  int forgetBefore(Instant cutoff, int limit) {
    return jdbc.sql(
            """
            delete from sendgrid_event where sg_event_id in
              (select sg_event_id from sendgrid_event where received_at < ? limit ?)
            """)
        .params(Timestamps.param(cutoff), limit)
        .update();
  }

  private Optional<EmailDelivery> deliveryOf(Event event) {
    Optional<EmailDelivery> byId =
        event.deliveryId() == null ? Optional.empty() : deliveries.byId(event.deliveryId());
    if (byId.isPresent() || event.smtpId() == null) {
      return byId;
    }
    // We store the Message-ID with its angle brackets, as the header has it.
    String smtpId = event.smtpId().trim();
    return deliveries.byMessageId(smtpId.startsWith("<") ? smtpId : "<" + smtpId + ">");
  }

  /** Records the event ID; false when it was applied before. */
  private boolean firstTime(String eventId, Instant now) {
    return jdbc.sql(
                """
                insert into sendgrid_event (sg_event_id, received_at) values (?, ?)
                on conflict do nothing
                """)
            .params(eventId, Timestamps.param(now))
            .update()
        > 0;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText().trim();
    return text.isEmpty() ? null : text;
  }

  private static String firstOf(String a, String b) {
    return a != null ? a : b;
  }

  private static String colon(String said) {
    return said == null ? "" : ": " + said;
  }
}
