package com.hirepilot.app.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.notification.EmailDelivery.Status;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a batch is read: which events count, what they mean, and what is refused whole. */
class SendGridEventsTests {

  final SendGridEvents events =
      new SendGridEvents(new ObjectMapper(), null, null, null, Clock.systemUTC());

  List<SendGridEvents.Event> read(String json) {
    return events.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheDeliveryEventsAndSkipsTheRest() {
    List<SendGridEvents.Event> batch =
        read(
            """
            [{"event":"processed","sg_event_id":"a","timestamp":1700000000},
             {"event":"open","timestamp":1700000001},
             {"event":"delivered","sg_event_id":"b","timestamp":1700000002,"hp_delivery":"d1",
              "smtp-id":"<d1@agency.test>","response":"250 OK"},
             {"event":"deferred","sg_event_id":"c","timestamp":1700000003,"hp_delivery":"d2",
              "response":"421 try later"},
             {"event":"bounce","type":"bounce","sg_event_id":"d","timestamp":1700000004,
              "hp_delivery":"d3","reason":"550 5.1.1 mailbox does not exist"},
             {"event":"bounce","type":"blocked","sg_event_id":"e","timestamp":1700000005,
              "hp_delivery":"d4","reason":"554 blocklisted"},
             {"event":"dropped","sg_event_id":"f","timestamp":1700000006,"smtp-id":"<d5@a.test>",
              "reason":"Bounced Address"},
             {"event":"spamreport","sg_event_id":"g","timestamp":1700000007,"hp_delivery":"d6"},
             {"event":"group_unsubscribe","sg_event_id":"h","timestamp":1700000008}]""");

    assertThat(batch)
        .containsExactly(
            new SendGridEvents.Event(
                "b",
                Status.DELIVERED,
                Instant.ofEpochSecond(1700000002),
                "d1",
                "<d1@agency.test>",
                null,
                false),
            new SendGridEvents.Event(
                "c",
                Status.DEFERRED,
                Instant.ofEpochSecond(1700000003),
                "d2",
                null,
                "421 try later",
                false),
            new SendGridEvents.Event(
                "d",
                Status.BOUNCED,
                Instant.ofEpochSecond(1700000004),
                "d3",
                null,
                "550 5.1.1 mailbox does not exist",
                true),
            new SendGridEvents.Event(
                "e",
                Status.BOUNCED,
                Instant.ofEpochSecond(1700000005),
                "d4",
                null,
                "blocked by the receiving server, not the address: 554 blocklisted",
                false),
            new SendGridEvents.Event(
                "f",
                Status.DROPPED,
                Instant.ofEpochSecond(1700000006),
                null,
                "<d5@a.test>",
                "Bounced Address",
                true),
            new SendGridEvents.Event(
                "g",
                Status.SPAM_REPORT,
                Instant.ofEpochSecond(1700000007),
                "d6",
                null,
                null,
                true));
  }

  @Test
  void refusesABatchThatIsNotSendGridsFormatWhole() {
    for (String bad :
        List.of(
            "",
            "not json",
            "{\"event\":\"delivered\"}",
            "[1]",
            "[{\"sg_event_id\":\"x\"}]",
            "[{\"event\":\"delivered\",\"timestamp\":1700000000}]",
            "[{\"event\":\"delivered\",\"sg_event_id\":\"x\"}]",
            "[{\"event\":\"delivered\",\"sg_event_id\":\"x\",\"timestamp\":\"soon\"}]",
            "[{\"event\":\"delivered\",\"sg_event_id\":\""
                + "x".repeat(101)
                + "\","
                + "\"timestamp\":1}]",
            "[] []")) {
      assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(SendGridEvents.Unreadable.class);
    }
    assertThat(read("[]")).isEmpty();
  }

  @Test
  void anEventInTheSecondOfWhatIsKnownGoesJustAfterIt() {
    Instant sent = Instant.parse("2025-06-02T10:00:05.300Z");
    Instant second = Instant.parse("2025-06-02T10:00:05Z");

    assertThat(SendGridEvents.inOrder(second, sent)).isEqualTo(sent.plusMillis(1));
    assertThat(SendGridEvents.inOrder(second.plusSeconds(1), sent))
        .isEqualTo(second.plusSeconds(1));
    assertThat(SendGridEvents.inOrder(second.minusSeconds(1), sent))
        .as("clearly earlier keeps its time")
        .isEqualTo(second.minusSeconds(1));
    assertThat(SendGridEvents.inOrder(second, null)).isEqualTo(second);
  }
}
