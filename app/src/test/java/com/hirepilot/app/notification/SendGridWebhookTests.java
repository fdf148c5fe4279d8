package com.hirepilot.app.notification;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.notification.EmailDelivery.Status;
import com.hirepilot.app.notification.EmailDelivery.StatusChange;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.SendGridKeys;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * SendGrid's Event Webhook against real deliveries: a submission goes to its collaborators over
 * SMTP (GreenMail), each message's {@code X-SMTPAPI} header gives its delivery ID as SendGrid would
 * echo it, and the test posts batches signed with a key pair of its own, whose public half the app
 * on PostgreSQL was given ({@link SendGridKeys}).
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnPostgres.class)
class SendGridWebhookTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOUNCE_REASON = "550 5.1.1 mailbox does not exist";

  @Autowired EmailDeliveries deliveries;
  @Autowired AddressFlags flags;
  @Autowired JdbcClient jdbc;
  @Autowired ExpiredSendGridEvents expired;

  final TestRuntime runtime = TestRuntime.postgres();
  final RecruiterApi api = new RecruiterApi(runtime.origin(), TestRuntime.RECRUITER_TOKEN);
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aSignedBatchRecordsEachStatusAndFlagsTheAddressesToBlame() {
    Submitted sent = submitTo("delivered", "bounced", "dropped", "spam");
    List<String> batch =
        List.of(
            event(sent, "delivered", "processed", Map.of()),
            event(sent, "delivered", "delivered", Map.of("response", "250 OK")),
            event(sent, "delivered", "open", Map.of()),
            event(sent, "bounced", "deferred", Map.of("response", "421 4.7.0 try again later")),
            event(sent, "bounced", "bounce", Map.of("reason", BOUNCE_REASON, "type", "bounce")),
            event(sent, "dropped", "dropped", Map.of("reason", "Bounced Address")),
            event(sent, "spam", "delivered", Map.of()),
            event(sent, "spam", "spamreport", Map.of()));

    HttpResponse<String> answer = post(signedBatch(batch));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(answer.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
    Map<String, EmailDelivery> now = byRecipient(sent);
    assertThat(now.get(sent.address("delivered")).status()).isEqualTo(Status.DELIVERED);
    assertThat(now.get(sent.address("bounced")).status()).isEqualTo(Status.BOUNCED);
    assertThat(now.get(sent.address("bounced")).providerReason()).isEqualTo(BOUNCE_REASON);
    assertThat(now.get(sent.address("dropped")).status()).isEqualTo(Status.DROPPED);
    assertThat(now.get(sent.address("spam")).status()).isEqualTo(Status.SPAM_REPORT);
    assertThat(now.get(sent.address("bounced")).history())
        .extracting(StatusChange::status, StatusChange::detail)
        .endsWith(
            org.assertj.core.groups.Tuple.tuple(Status.SENT, null),
            org.assertj.core.groups.Tuple.tuple(Status.DEFERRED, "421 4.7.0 try again later"),
            org.assertj.core.groups.Tuple.tuple(Status.BOUNCED, BOUNCE_REASON));
    assertThat(now.get(sent.address("spam")).history())
        .extracting(StatusChange::status)
        .endsWith(Status.SENT, Status.DELIVERED, Status.SPAM_REPORT);
    // The recruiter API shows the provider's word on each email.
    JsonNode emails = json(api.get("/api/submissions/" + sent.submissionId())).get("emails");
    Map<String, String> shown = new LinkedHashMap<>();
    emails.forEach(e -> shown.put(e.get("to").asText(), e.get("status").asText()));
    assertThat(shown)
        .containsEntry(sent.address("delivered"), "DELIVERED")
        .containsEntry(sent.address("bounced"), "BOUNCED")
        .containsEntry(sent.address("dropped"), "DROPPED")
        .containsEntry(sent.address("spam"), "SPAM_REPORT");

    assertThat(flags.find(sent.workspaceId(), sent.address("delivered"))).isEmpty();
    AddressFlags.Flag bounced =
        flags.find(sent.workspaceId(), sent.address("bounced")).orElseThrow();
    assertThat(bounced.status()).isEqualTo(Status.BOUNCED);
    assertThat(bounced.reason()).isEqualTo(BOUNCE_REASON);
    assertThat(bounced.deliveryId()).isEqualTo(sent.deliveryId("bounced"));
    assertThat(bounced.describe()).isEqualTo("bounced: " + BOUNCE_REASON);
    AddressFlags.Flag dropped =
        flags.find(sent.workspaceId(), sent.address("dropped")).orElseThrow();
    assertThat(dropped.status()).isEqualTo(Status.DROPPED);
    assertThat(dropped.reason()).isEqualTo("Bounced Address");
    assertThat(flags.find(sent.workspaceId(), sent.address("spam")).orElseThrow().status())
        .isEqualTo(Status.SPAM_REPORT);
  }

  @Test
  void aReplayedEventChangesNothingTheSecondTime() {
    Submitted sent = submitTo("replayed");
    List<String> batch =
        List.of(
            event(sent, "replayed", "delivered", Map.of()),
            event(sent, "replayed", "bounce", Map.of("reason", BOUNCE_REASON)));
    assertThat(post(signedBatch(batch)).statusCode()).isEqualTo(204);
    EmailDelivery first = deliveries.byId(sent.deliveryId("replayed")).orElseThrow();
    List<StatusChange> history = historyOf(sent, "replayed");
    assertThat(history).extracting(StatusChange::status).endsWith(Status.DELIVERED, Status.BOUNCED);

    // SendGrid posts the same events again (our answer was lost), signed anew a little later.
    HttpResponse<String> again = post(signedBatch(batch));

    assertThat(again.statusCode()).as(again.body()).isEqualTo(204);
    assertThat(historyOf(sent, "replayed")).isEqualTo(history);
    assertThat(deliveries.byId(sent.deliveryId("replayed")).orElseThrow()).isEqualTo(first);
  }

  @Test
  void anEventWithoutHpDeliveryFindsItsMessageByItsSmtpId() {
    Submitted sent = submitTo("bysmtpid");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("hp_delivery", null);
    fields.put("smtp-id", sent.messageId("bysmtpid"));
    fields.put("response", "250 2.0.0 OK");

    HttpResponse<String> answer =
        post(signedBatch(List.of(event(sent, "bysmtpid", "delivered", fields))));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(deliveries.byId(sent.deliveryId("bysmtpid")).orElseThrow().status())
        .isEqualTo(Status.DELIVERED);
  }

  @Test
  void aBlockedMessageIsBouncedButItsAddressIsNotFlagged() {
    Submitted sent = submitTo("blocked");
    String said = "554 5.7.1 Service unavailable; client host blocked using a blocklist";

    HttpResponse<String> answer =
        post(
            signedBatch(
                List.of(
                    event(sent, "blocked", "bounce", Map.of("type", "blocked", "reason", said)))));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    EmailDelivery blocked = deliveries.byId(sent.deliveryId("blocked")).orElseThrow();
    assertThat(blocked.status()).isEqualTo(Status.BOUNCED);
    assertThat(blocked.needsAttention()).isTrue();
    assertThat(blocked.providerReason())
        .isEqualTo("blocked by the receiving server, not the address: " + said);
    assertThat(flags.find(sent.workspaceId(), sent.address("blocked"))).isEmpty();
  }

  @Test
  void anEventForAMessageThatIsNotOursIsSkipped() {
    String eventId = "sg-" + UUID.randomUUID();
    String stranger =
        """
        [{"email":"someone@elsewhere.test","timestamp":%d,"event":"bounce","type":"bounce",
          "sg_event_id":%s,"smtp-id":"<not-ours@elsewhere.test>","hp_delivery":"no-such-delivery",
          "reason":"550 no"}]"""
            .formatted(Instant.now().getEpochSecond(), quote(eventId));

    HttpResponse<String> answer = post(signed(stranger.getBytes(StandardCharsets.UTF_8)));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(recordedEventIds(List.of(eventId))).isEmpty();
  }

  @Test
  void aTamperedBodyIsRefusedAndChangesNothing() {
    Submitted sent = submitTo("tampered");
    String batch = "[" + event(sent, "tampered", "delivered", Map.of()) + "]";
    Signed genuine = signed(batch.getBytes(StandardCharsets.UTF_8));
    byte[] forged = batch.replace("\"delivered\"", "\"bounce\"").getBytes(StandardCharsets.UTF_8);

    assertRefusedChangingNothing(
        sent, "tampered", post(new Signed(forged, genuine.timestamp(), genuine.signature())));
  }

  @Test
  void aBatchSignedWithAnotherKeyIsRefusedAndChangesNothing() {
    Submitted sent = submitTo("otherkey");
    byte[] body = batchOf(List.of(bounce(sent, "otherkey"))).getBytes(StandardCharsets.UTF_8);

    assertRefusedChangingNothing(
        sent, "otherkey", post(signed(body, SendGridKeys.generate().getPrivate(), Instant.now())));
  }

  @Test
  void anUnsignedOrGarbledBatchIsRefusedAndChangesNothing() {
    Submitted sent = submitTo("unsigned");
    byte[] body = batchOf(List.of(bounce(sent, "unsigned"))).getBytes(StandardCharsets.UTF_8);
    Signed genuine = signed(body);

    assertRefusedChangingNothing(sent, "unsigned", post(new Signed(body, null, null)));
    assertRefusedChangingNothing(
        sent, "unsigned", post(new Signed(body, genuine.timestamp(), null)));
    assertRefusedChangingNothing(
        sent, "unsigned", post(new Signed(body, null, genuine.signature())));
    assertRefusedChangingNothing(
        sent, "unsigned", post(new Signed(body, genuine.timestamp(), "not%base64!")));
    assertRefusedChangingNothing(
        sent, "unsigned", post(new Signed(body, genuine.timestamp(), "AAAAAAAAAAAAAAAA")));
    assertRefusedChangingNothing(
        sent, "unsigned", post(new Signed(body, "yesterday", genuine.signature())));
  }

  @Test
  void aStaleOrFutureTimestampIsRefusedAndChangesNothing() {
    Submitted sent = submitTo("stale");
    byte[] body = batchOf(List.of(bounce(sent, "stale"))).getBytes(StandardCharsets.UTF_8);
    PrivateKey key = SendGridKeys.SENDGRID.getPrivate();

    HttpResponse<String> stale = post(signed(body, key, Instant.now().minusSeconds(11 * 60)));
    assertRefusedChangingNothing(sent, "stale", stale);
    assertThat(json(stale).get("detail").asText()).contains("10 minutes");
    assertRefusedChangingNothing(
        sent, "stale", post(signed(body, key, Instant.now().plusSeconds(10 * 60))));
  }

  @Test
  void aMalformedBatchWithAValidSignatureIsRefusedWholeWithNothingWritten() {
    Submitted sent = submitTo("malformed");
    String good = bounce(sent, "malformed");
    String withoutId =
        event(sent, "malformed", "delivered", Map.of())
            .replaceAll("\"sg_event_id\":\"[^\"]*\",", "");
    EmailDelivery before = deliveries.byId(sent.deliveryId("malformed")).orElseThrow();
    List<StatusChange> history = historyOf(sent, "malformed");

    for (String body :
        List.of(
            "[" + good + ",",
            "{\"event\":\"bounce\"}",
            "[" + good + "] trailing",
            "[" + good + ",42]",
            "[" + good + "," + withoutId + "]",
            "")) {
      HttpResponse<String> answer = post(signed(body.getBytes(StandardCharsets.UTF_8)));

      assertThat(answer.statusCode()).as(body + " -> " + answer.body()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(json(answer).get("detail").asText()).isNotBlank();
    }

    assertThat(deliveries.byId(sent.deliveryId("malformed")).orElseThrow()).isEqualTo(before);
    assertThat(historyOf(sent, "malformed")).isEqualTo(history);
    assertThat(flags.find(sent.workspaceId(), sent.address("malformed"))).isEmpty();
    assertThat(recordedEventIds(sent.eventIds())).isEmpty();
  }

  @Test
  void aBatchOverOneMegabyteIsRefused() {
    byte[] body = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(body, (byte) ' ');

    HttpResponse<String> answer = post(signed(body));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
    assertThat(json(answer).get("status").asInt()).isEqualTo(413);
  }

  @Test
  void eventIdsAreForgottenAfterAWeek() {
    String old = "sg-old-" + UUID.randomUUID();
    String recent = "sg-recent-" + UUID.randomUUID();
    Instant now = Instant.now();
    for (Map.Entry<String, Instant> row :
        Map.of(old, now.minus(Duration.ofDays(8)), recent, now.minus(Duration.ofDays(6)))
            .entrySet()) {
      jdbc.sql("insert into sendgrid_event (sg_event_id, received_at) values (?, ?)")
          .params(row.getKey(), Timestamps.param(row.getValue()))
          .update();
    }

    expired.forgetExpired();

    assertThat(recordedEventIds(List.of(old, recent))).containsExactly(recent);
  }

  // --- the refusals ---

  private void assertRefusedChangingNothing(
      Submitted sent, String who, HttpResponse<String> answer) {
    EmailDelivery delivery = deliveries.byId(sent.deliveryId(who)).orElseThrow();
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(json(answer).get("status").asInt()).isEqualTo(403);
    assertThat(delivery.status()).isEqualTo(Status.SENT);
    assertThat(historyOf(sent, who))
        .extracting(StatusChange::status)
        .doesNotContain(Status.BOUNCED, Status.DELIVERED);
    assertThat(flags.find(sent.workspaceId(), sent.address(who))).isEmpty();
    assertThat(recordedEventIds(sent.eventIds())).isEmpty();
  }

  // --- real deliveries ---

  /** A submission whose emails went to one collaborator per name, with what SendGrid would see. */
  record Submitted(
      String submissionId,
      String workspaceId,
      Map<String, String> addresses,
      Map<String, String> deliveryIds,
      Map<String, String> messageIds,
      List<String> eventIds) {

    String address(String who) {
      return addresses.get(who);
    }

    String deliveryId(String who) {
      return deliveryIds.get(who);
    }

    String messageId(String who) {
      return messageIds.get(who);
    }
  }

  private Submitted submitTo(String... names) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String title = "Webhook " + unique;
    String jobId =
        api.create(
            "/api/jobs", "{\"title\":%s,\"clientCompany\":\"Signed Inc\"}".formatted(quote(title)));
    Map<String, String> addresses = new LinkedHashMap<>();
    for (String name : names) {
      String address = name + "-" + unique + "@client.test";
      addresses.put(name, address);
      api.create(
          "/api/jobs/" + jobId + "/collaborators",
          "{\"email\":%s,\"name\":%s}".formatted(quote(address), quote(name)));
    }
    String candidateId =
        api.create("/api/candidates", "{\"name\":\"Quinn %s\",\"skills\":[]}".formatted(unique));
    String submissionId =
        api.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"attachmentIds\":[]}".formatted(quote(candidateId)));
    Map<String, String> deliveryIds = new LinkedHashMap<>();
    Map<String, String> messageIds = new LinkedHashMap<>();
    for (String name : names) {
      MimeMessage message = TestMail.awaitMessage(addresses.get(name), s -> s.contains(title));
      deliveryIds.put(name, hpDelivery(message));
      messageIds.put(name, header(message, "Message-ID"));
    }
    // The relay has taken every message and each record says so.
    awaitSent(submissionId, deliveryIds.values());
    String workspaceId =
        deliveries.workspaceOf(deliveryIds.values().iterator().next()).orElseThrow();
    return new Submitted(
        submissionId, workspaceId, addresses, deliveryIds, messageIds, new ArrayList<>());
  }

  private void awaitSent(String submissionId, java.util.Collection<String> deliveryIds) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Map<String, Status> statuses =
          deliveries.forSubmission(submissionId).stream()
              .collect(Collectors.toMap(EmailDelivery::id, EmailDelivery::status));
      if (deliveryIds.stream().allMatch(id -> statuses.get(id) == Status.SENT)) {
        return;
      }
      TestMail.sleep();
    }
    throw new AssertionError("The deliveries never said SENT: " + deliveryIds);
  }

  /** The delivery ID SendGrid echoes as {@code hp_delivery}, from the SMTP API header. */
  private static String hpDelivery(MimeMessage message) {
    try {
      return JSON.readTree(header(message, "X-SMTPAPI"))
          .get("unique_args")
          .get("hp_delivery")
          .asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header(MimeMessage message, String name) {
    try {
      String[] values = message.getHeader(name);
      assertThat(values).as(name).isNotNull().hasSize(1);
      return values[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, EmailDelivery> byRecipient(Submitted sent) {
    return deliveries.forSubmission(sent.submissionId()).stream()
        .collect(Collectors.toMap(EmailDelivery::recipient, d -> d));
  }

  private List<StatusChange> historyOf(Submitted sent, String who) {
    return deliveries.forSubmission(sent.submissionId()).stream()
        .filter(d -> d.id().equals(sent.deliveryId(who)))
        .findFirst()
        .orElseThrow()
        .history();
  }

  private List<String> recordedEventIds(List<String> eventIds) {
    if (eventIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select sg_event_id from sendgrid_event where sg_event_id in (:ids)")
        .param("ids", eventIds)
        .query(String.class)
        .list();
  }

  // --- SendGrid's side ---

  /** One event as SendGrid sends it, for the message to {@code who}; {@code extra} overrides. */
  private static String event(Submitted sent, String who, String type, Map<String, ?> extra) {
    String eventId = "sg-" + UUID.randomUUID();
    sent.eventIds().add(eventId);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("email", sent.address(who));
    event.put("timestamp", Instant.now().getEpochSecond());
    event.put("smtp-id", sent.messageId(who));
    event.put("event", type);
    event.put("category", List.of("submission"));
    event.put("sg_event_id", eventId);
    event.put("sg_message_id", "msg-" + eventId + ".filter0001.1");
    event.put("hp_delivery", sent.deliveryId(who));
    extra.forEach(
        (field, value) -> {
          if (value == null) {
            event.remove(field);
          } else {
            event.put(field, value);
          }
        });
    try {
      return JSON.writeValueAsString(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String bounce(Submitted sent, String who) {
    return event(sent, who, "bounce", Map.of("reason", BOUNCE_REASON, "type", "bounce"));
  }

  private static String batchOf(List<String> events) {
    return "[" + String.join(",", events) + "]";
  }

  record Signed(byte[] body, String timestamp, String signature) {}

  private static Signed signedBatch(List<String> events) {
    return signed(batchOf(events).getBytes(StandardCharsets.UTF_8));
  }

  private static Signed signed(byte[] body) {
    return signed(body, SendGridKeys.SENDGRID.getPrivate(), Instant.now());
  }

  private static Signed signed(byte[] body, PrivateKey key, Instant at) {
    String timestamp = String.valueOf(at.getEpochSecond());
    return new Signed(body, timestamp, SendGridKeys.sign(key, timestamp, body));
  }

  /** Posts as SendGrid does: no cookie, no CSRF token, the signature headers when given. */
  private HttpResponse<String> post(Signed batch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(runtime.origin() + "/webhooks/sendgrid"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()));
    if (batch.timestamp() != null) {
      request.header("X-Twilio-Email-Event-Webhook-Timestamp", batch.timestamp());
    }
    if (batch.signature() != null) {
      request.header("X-Twilio-Email-Event-Webhook-Signature", batch.signature());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
