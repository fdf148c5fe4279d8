package com.hirepilot.app.automation;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Rules as a recruiter sets them up through the API and a client's real approval in the portal sets
 * them off: on Temporal, with loopback receivers, GreenMail and the job's activity log as
 * witnesses.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class AutomationJourneyTests {

  static final String SECRET = "a-webhook-secret-of-some-length";
  static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  record Setup(String jobId, String submissionId, String candidate, Browser client) {}

  /** A job with one client and a candidate submitted to it; the client is signed in. */
  Setup submitted() {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String client = "journey-" + u + "@client.test";
    String jobId =
        api.create(
            "/api/jobs", "{\"title\":\"Engineer " + u + "\",\"clientCompany\":\"Acme " + u + "\"}");
    api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":" + quote(client) + "}");
    String candidate = "Robin " + u;
    String candidateId = api.create("/api/candidates", "{\"name\":" + quote(candidate) + "}");
    String submissionId =
        api.create(
            "/api/jobs/" + jobId + "/submissions", "{\"candidateId\":" + quote(candidateId) + "}");
    var email = TestMail.awaitMessage(client, s -> s.startsWith("New candidate"));
    Browser browser = new Browser(origin);
    assertThat(browser.signInWith(TestMail.portalLinks(email).get(0))).isEqualTo(200);
    return new Setup(jobId, submissionId, candidate, browser);
  }

  void approve(Setup s) {
    HttpResponse<String> decided =
        s.client()
            .postJson(
                "/api/portal/submissions/" + s.submissionId() + "/decision",
                "{\"decision\":\"APPROVE\",\"reason\":\"Strong on systems design\"}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
  }

  String rule(String jobId, String actionsJson) {
    return api.create(
        "/api/automation-rules",
        """
        {"name":"On approval","trigger":"APPROVED","conditions":{"jobId":%s},"actions":%s}"""
            .formatted(quote(jobId), actionsJson));
  }

  JsonNode runs(String ruleId) {
    return json(api.get("/api/automation-rules/" + ruleId + "/runs"));
  }

  JsonNode awaitRun(String ruleId, Predicate<JsonNode> done) throws InterruptedException {
    List<JsonNode> last = new ArrayList<>();
    awaitUntil(
        () -> {
          JsonNode runs = runs(ruleId);
          last.clear();
          last.add(runs);
          return runs.size() == 1 && done.test(runs.get(0));
        },
        Duration.ofSeconds(60));
    return last.get(0).get(0);
  }

  @Test
  void anApprovalsWebhookArrivesOnceSignedWithTheSameDeliveryIdAfterTheReceiverFailedTwice()
      throws Exception {
    try (Receiver receiver = new Receiver()) {
      AtomicInteger calls = new AtomicInteger();
      receiver.answering(
          exchange -> {
            int call = calls.incrementAndGet();
            Receiver.status(call <= 2 ? 503 : 204, call <= 2 ? "down for a moment" : "")
                .answer(exchange);
          });
      Setup s = submitted();
      String ruleId =
          rule(
              s.jobId(),
              """
              [{"type":"WEBHOOK","url":%s,"secret":%s}]"""
                  .formatted(quote(receiver.url("/ats")), quote(SECRET)));

      approve(s);

      JsonNode run = awaitRun(ruleId, r -> "SUCCEEDED".equals(r.path("outcome").asText()));
      assertThat(receiver.received).hasSize(3);
      assertThat(receiver.received.stream().map(r -> r.header("X-HirePilot-Delivery")).distinct())
          .hasSize(1);
      for (Receiver.Received request : receiver.received) {
        assertThat(request.header("X-HirePilot-Signature"))
            .isEqualTo("sha256=" + hmac(SECRET, request.body()));
        JsonNode body = JSON.readTree(request.text());
        assertThat(body.get("event").asText()).isEqualTo("APPROVED");
        assertThat(body.get("submissionId").asText()).isEqualTo(s.submissionId());
        assertThat(body.get("decision").asText()).isEqualTo("APPROVE");
      }
      // The run log shows the attempts and what the receiver said meanwhile.
      assertThat(run.get("attempts").asInt()).isEqualTo(3);
      assertThat(run.get("submissionId").asText()).isEqualTo(s.submissionId());
      assertThat(run.get("event").asText()).isEqualTo("APPROVED");
      // Handed over again (a retried activity), the rule does not fire a second time.
      Thread.sleep(2000);
      assertThat(receiver.received).hasSize(3);
      assertThat(runs(ruleId)).hasSize(1);
    }
  }

  @Test
  void anApprovalFiresEachOfItsConsequencesOnceAndTheJobActivityShowsEach() throws Exception {
    try (Receiver webhook = new Receiver();
        Receiver slack = new Receiver()) {
      Setup s = submitted();
      HttpResponse<String> noCurrency =
          api.put("/api/jobs/" + s.jobId() + "/deal", "{\"name\":\"Acme hiring\",\"value\":24000}");
      assertThat(noCurrency.statusCode()).as(noCurrency.body()).isEqualTo(422);
      HttpResponse<String> deal =
          api.put(
              "/api/jobs/" + s.jobId() + "/deal",
              """
              {"name":"Acme hiring","stage":"OPEN","value":24000.50,"currency":"EUR",
               "expectedClose":"2027-03-31"}""");
      assertThat(deal.statusCode()).as(deal.body()).isEqualTo(200);
      assertThat(json(deal).get("value").decimalValue()).isEqualByComparingTo("24000.50");
      assertThat(json(deal).get("currency").asText()).isEqualTo("EUR");
      assertThat(json(deal).get("expectedClose").asText()).isEqualTo("2027-03-31");
      String team = "team-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.test";
      String title = "Call the client about " + s.candidate();
      String ruleId =
          rule(
              s.jobId(),
              """
              [{"type":"MOVE_STAGE","stage":"CLIENT_APPROVED"},
               {"type":"UPDATE_DEAL","stage":"WON"},
               {"type":"EMAIL","to":%s},
               {"type":"WEBHOOK","url":%s,"secret":%s},
               {"type":"SLACK","url":%s},
               {"type":"CREATE_TASK","title":%s}]"""
                  .formatted(
                      quote(team),
                      quote(webhook.url("/ats")),
                      quote(SECRET),
                      quote(slack.url("/services/T0/B0/x")),
                      quote(title)));

      approve(s);

      JsonNode run = awaitRun(ruleId, r -> "SUCCEEDED".equals(r.path("outcome").asText()));
      assertThat(run.get("actions")).hasSize(6);
      run.get("actions")
          .forEach(
              a -> assertThat(a.get("outcome").asText()).as(a.toString()).isEqualTo("SUCCEEDED"));
      assertThat(webhook.received).hasSize(1);
      assertThat(slack.received).hasSize(1);
      assertThat(slack.received.get(0).text()).contains(s.candidate());
      TestMail.awaitMessage(team, subject -> subject.contains(s.candidate()));
      assertThat(TestMail.to(team)).hasSize(1);
      JsonNode tasks = json(api.get("/api/tasks"));
      List<String> titles = new ArrayList<>();
      tasks.forEach(t -> titles.add(t.get("title").asText()));
      assertThat(titles).containsOnlyOnce(title);
      JsonNode won = json(api.get("/api/jobs/" + s.jobId() + "/deal"));
      assertThat(won.get("stage").asText()).isEqualTo("WON");
      // Moving the stage keeps what the deal is worth and when it should close.
      assertThat(won.get("currency").asText()).isEqualTo("EUR");
      assertThat(won.get("expectedClose").asText()).isEqualTo("2027-03-31");

      String activity = api.get("/api/jobs/" + s.jobId() + "/activity").body();
      assertThat(activity)
          .contains("moved " + s.candidate() + " to CLIENT_APPROVED")
          .contains("to WON")
          .contains("AUTOMATION_EMAIL_QUEUED")
          .contains("sent its webhook to 127.0.0.1")
          .contains("posted to Slack")
          .contains("TASK_CREATED");
    }
  }

  @Test
  void aReceiverThatHangsDelaysNeitherTheOtherRulesNorTheLifecycle() throws Exception {
    try (Receiver hanging = new Receiver()) {
      hanging.answering(Receiver.stall(60_000));
      Setup s = submitted();
      String hangingRule =
          rule(
              s.jobId(),
              """
              [{"type":"WEBHOOK","url":%s,"secret":%s}]"""
                  .formatted(quote(hanging.url("/slow")), quote(SECRET)));
      String title = "Send the offer to " + s.candidate();
      String taskRule =
          rule(s.jobId(), "[{\"type\":\"CREATE_TASK\",\"title\":" + quote(title) + "}]");

      approve(s);

      awaitRun(taskRule, r -> "SUCCEEDED".equals(r.path("outcome").asText()));
      // The submission's own follow-ups are done while the hanging receiver still holds its call.
      awaitUntil(
          () ->
              api.get("/api/submissions/" + s.submissionId())
                  .body()
                  .contains("\"PIPELINE_UPDATED\""),
          Duration.ofSeconds(30));
      JsonNode stuck = runs(hangingRule).get(0);
      assertThat(stuck.get("outcome").asText()).isEqualTo("RUNNING");
      assertThat(hanging.received).isNotEmpty();
    }
  }

  private static String hmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static void awaitUntil(BooleanSupplier condition, Duration limit)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + limit);
      }
      Thread.sleep(200);
    }
  }
}
