package com.hirepilot.app.rex;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.EmailDeliveries;
import com.hirepilot.app.notification.EmailDelivery;
import com.hirepilot.app.notification.EmailDelivery.Status;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.SendGridKeys;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * REX on real delivery records: a candidate is submitted through the API and the email goes out;
 * then SendGrid's word arrives through its signed Event Webhook, as in production. Asked about it,
 * REX (the offline brain) reads the log, names the provider's reason and proposes confirming or
 * correcting the address, never a resend to a flagged address.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnRex.class)
class RexEmailDeliveryTests {

  static final String BOUNCE = "550 5.1.1 mailbox does not exist";

  @Autowired EmailDeliveries deliveries;
  @Autowired JobService jobs;

  final RecruiterApi recruiter =
      new RecruiterApi(TestRuntime.rex().origin(), TestRuntime.RECRUITER_TOKEN);

  record Sent(
      String workspaceId,
      String jobId,
      String collaboratorId,
      String title,
      String email,
      EmailDelivery delivery) {}

  /** A job with one client, a candidate submitted to it, and the email that reached the relay. */
  Sent submitted() {
    String title = "Data Engineer " + UUID.randomUUID().toString().substring(0, 8);
    String email = "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    String jobId = recruiter.create("/api/jobs", "{\"title\":%s}".formatted(quote(title)));
    String collaboratorId =
        recruiter.create(
            "/api/jobs/" + jobId + "/collaborators",
            "{\"email\":%s,\"name\":\"Ana Client\"}".formatted(quote(email)));
    String candidateId = recruiter.create("/api/candidates", "{\"name\":\"Jordan Lee\"}");
    String submissionId =
        recruiter.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"attachmentIds\":[]}".formatted(quote(candidateId)));
    TestMail.awaitMessage(email, s -> s.contains(title));
    EmailDelivery delivery =
        deliveries.forSubmission(submissionId).stream()
            .filter(d -> d.recipient().equals(email))
            .findFirst()
            .orElseThrow();
    String workspaceId = jobs.find(jobId).orElseThrow().workspaceId();
    return new Sent(workspaceId, jobId, collaboratorId, title, email, delivery);
  }

  /** SendGrid says it: a signed Event Webhook batch with one event about the delivery. */
  void providerSays(Sent s, Status status, String reason) {
    String event =
        switch (status) {
          case DELIVERED -> "delivered";
          case DEFERRED -> "deferred";
          case BOUNCED -> "bounce";
          case DROPPED -> "dropped";
          case SPAM_REPORT -> "spamreport";
          default -> throw new IllegalArgumentException(status.name());
        };
    String reasonField =
        status == Status.DELIVERED || status == Status.DEFERRED ? "response" : "reason";
    String batch =
        """
        [{"email":%s,"timestamp":%d,"event":"%s","sg_event_id":"%s","hp_delivery":"%s"%s}]"""
            .formatted(
                quote(s.email()),
                Instant.now().getEpochSecond(),
                event,
                UUID.randomUUID(),
                s.delivery().id(),
                reason == null ? "" : ",\"" + reasonField + "\":" + quote(reason));
    HttpResponse<String> posted = SendGridKeys.post(TestRuntime.rex().origin(), batch);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
  }

  JsonNode ask(String message) {
    HttpResponse<String> r =
        recruiter.post("/api/rex/chat", "{\"message\":%s}".formatted(quote(message)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  static List<String> tools(JsonNode answer) {
    List<String> names = new ArrayList<>();
    answer.path("toolCalls").forEach(c -> names.add(c.path("tool").asText()));
    return names;
  }

  static JsonNode resultOf(JsonNode answer, String tool) {
    for (JsonNode call : answer.path("toolCalls")) {
      if (call.path("tool").asText().equals(tool)) {
        return call.path("result");
      }
    }
    throw new AssertionError("no " + tool + " in " + answer.toPrettyString());
  }

  @Test
  void aBouncedAddress_REXNamesTheReasonAndProposesConfirmingTheAddressNotAResend() {
    Sent s = submitted();
    providerSays(s, Status.DELIVERED, "250 2.0.0 OK");
    providerSays(s, Status.BOUNCED, BOUNCE);

    JsonNode answer = ask(s.email() + " says she never got the email for job " + s.title());

    assertThat(tools(answer)).containsExactly("collaboratorAccess", "emailDeliveries");
    JsonNode log = resultOf(answer, "emailDeliveries");
    assertThat(log.path("flag").path("status").asText()).isEqualTo("BOUNCED");
    assertThat(log.path("flag").path("reason").asText()).isEqualTo(BOUNCE);
    JsonNode latest = log.path("deliveries").get(0);
    assertThat(latest.path("status").asText()).isEqualTo("BOUNCED");
    assertThat(latest.path("providerReason").asText()).isEqualTo(BOUNCE);
    assertThat(latest.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
    List<String> history = new ArrayList<>();
    latest.path("history").forEach(h -> history.add(h.path("status").asText()));
    assertThat(history).contains("SENT", "DELIVERED", "BOUNCED").endsWith("BOUNCED");

    String text = answer.path("answer").asText();
    assertThat(text)
        .contains(BOUNCE)
        .contains("Do not resend")
        .contains(
            "POST /api/jobs/"
                + s.jobId()
                + "/collaborators/"
                + s.collaboratorId()
                + "/address-confirmation")
        .contains("PATCH /api/jobs/" + s.jobId() + "/collaborators/" + s.collaboratorId() + " {")
        .contains("[email-delivery#flagged-addresses]");
    assertThat(tools(answer)).doesNotContain("proposeSubmissionResend", "proposeAccessLinkResend");
    assertThat(answer.path("proposedActions")).isEmpty();
  }

  @Test
  void aFlaggedAddressGetsNoProposedEmail_evenWhenAskedForOne() {
    Sent s = submitted();
    providerSays(s, Status.BOUNCED, BOUNCE);

    JsonNode answer = ask("pls resend the portal link to " + s.email());

    // The proposal itself refuses: whichever brain asks, nothing is queued for the address.
    assertThat(tools(answer)).contains("proposeAccessLinkResend");
    assertThat(answer.path("proposedActions")).isEmpty();
    assertThat(answer.path("answer").asText())
        .contains("I could not propose that")
        .contains("is flagged (bounced: " + BOUNCE + ")")
        .contains("/address-confirmation");
  }

  @Test
  void aSpamReport_REXSaysSoAndProposesNoResend() {
    Sent s = submitted();
    providerSays(s, Status.DELIVERED, null);
    providerSays(s, Status.SPAM_REPORT, null);

    JsonNode answer = ask(s.email() + " never got our emails");

    assertThat(answer.path("answer").asText())
        .contains("marked our email as spam")
        .contains("Do not resend")
        .contains("/address-confirmation");
    assertThat(answer.path("proposedActions")).isEmpty();
  }

  @Test
  void aDeliveredEmail_REXPointsAtSpamAndFilters() {
    Sent s = submitted();
    providerSays(s, Status.DELIVERED, "250 2.0.0 OK");

    JsonNode answer = ask(s.email() + " never got the submission email");

    JsonNode flag = resultOf(answer, "emailDeliveries").path("flag");
    assertThat(flag.isNull() || flag.isMissingNode()).as(flag.toString()).isTrue();
    assertThat(answer.path("answer").asText())
        .contains("accepted it at")
        .contains("spam or junk")
        .contains("[email-delivery#spam-and-filters]");
  }
}
