package com.hirepilot.app.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.workflows.submission.AutomationTrigger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The WEBHOOK and SLACK performers of the running app (the shared H2 one, which allows 127.0.0.1
 * and gives receivers two seconds: {@link TestRuntime}), called as the run workflow's activity
 * calls them, against receivers the test starts on 127.0.0.1. The receiver checks what a real one
 * would: the signature over the raw bytes it got, the timestamp, the delivery ID.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class OutboundActionsTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "whsec-test-" + UUID.randomUUID();

  @Autowired WebhookPerformer webhook;
  @Autowired SlackPerformer slack;
  @Autowired JobService jobs;

  private final RecruiterApi api =
      new RecruiterApi(TestRuntime.h2().origin(), TestRuntime.RECRUITER_TOKEN);
  private final Receiver receiver = new Receiver();

  @AfterEach
  void stop() {
    receiver.close();
  }

  private static ActionRun run(
      RuleAction action, AutomationTrigger trigger, String decision, String reason) {
    LifecycleEventOccurred event =
        new LifecycleEventOccurred(
            "event-" + UUID.randomUUID(),
            trigger,
            "ws-1",
            "job-1",
            "sub-1",
            "cand-1",
            Instant.parse("2026-12-01T09:30:00Z"));
    return new ActionRun(
        "run-" + UUID.randomUUID(),
        0,
        "delivery-" + UUID.randomUUID(),
        "rule-1",
        "Tell the ATS",
        action,
        event,
        decision,
        reason);
  }

  private RuleAction hook(String url) {
    return new RuleAction(ActionType.WEBHOOK, Map.of("url", url, "secret", SECRET));
  }

  private static String hmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void aWebhookIsSignedOverItsRawBodyAndEveryAttemptCarriesTheSameDelivery() throws Exception {
    ActionRun run =
        run(hook(receiver.url("/ats")), AutomationTrigger.REJECTED, "REJECT", "Salary <too> high");

    webhook.perform(run);
    webhook.perform(run); // a retry, say after our side lost the first answer

    assertThat(receiver.received).hasSize(2);
    for (Receiver.Received got : receiver.received) {
      assertThat(got.method()).isEqualTo("POST");
      assertThat(got.path()).isEqualTo("/ats");
      assertThat(got.header("Content-Type")).isEqualTo("application/json");
      assertThat(got.header("User-Agent")).isEqualTo("HirePilot-Automation");
      String expected = hmac(SECRET, got.body());
      assertThat(
              MessageDigest.isEqual(
                  expected.getBytes(StandardCharsets.US_ASCII),
                  got.header("X-HirePilot-Signature").getBytes(StandardCharsets.US_ASCII)))
          .as("signature over the raw body")
          .isTrue();
      long sent = Long.parseLong(got.header("X-HirePilot-Timestamp"));
      assertThat(Math.abs(Instant.now().getEpochSecond() - sent)).isLessThanOrEqualTo(5);
      assertThat(got.header("X-HirePilot-Delivery")).isEqualTo(run.deliveryId());

      JsonNode body = JSON.readTree(got.body());
      assertThat(body.get("event").asText()).isEqualTo("REJECTED");
      assertThat(body.get("at").asText()).isEqualTo("2026-12-01T09:30:00Z");
      assertThat(body.get("workspaceId").asText()).isEqualTo("ws-1");
      assertThat(body.get("jobId").asText()).isEqualTo("job-1");
      assertThat(body.get("submissionId").asText()).isEqualTo("sub-1");
      assertThat(body.get("candidateId").asText()).isEqualTo("cand-1");
      assertThat(body.get("decision").asText()).isEqualTo("REJECT");
      assertThat(body.get("reason").asText()).isEqualTo("Salary <too> high");
    }
    // A wrong secret does not verify: the signature really depends on it.
    assertThat(receiver.received.get(0).header("X-HirePilot-Signature"))
        .isNotEqualTo(hmac("another secret", receiver.received.get(0).body()));
  }

  @Test
  void fieldsAnEventDoesNotHaveAreLeftOut() throws Exception {
    webhook.perform(run(hook(receiver.url("/ats")), AutomationTrigger.SUBMISSION_SENT, null, null));

    JsonNode body = JSON.readTree(receiver.received.get(0).body());
    assertThat(body.has("decision")).isFalse();
    assertThat(body.has("reason")).isFalse();
    assertThat(body.get("event").asText()).isEqualTo("SUBMISSION_SENT");
  }

  @Test
  void aServerErrorOrASilentReceiverIsRetriedAndA404IsNot() {
    receiver.answering(Receiver.status(500, "database is down"));
    ActionRun run = run(hook(receiver.url("/ats")), AutomationTrigger.APPROVED, "APPROVE", null);
    assertThatThrownBy(() -> webhook.perform(run))
        .isInstanceOf(OutboundFailure.class)
        .isNotInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining("answered 500: database is down");

    // The app's read timeout is two seconds here (TestRuntime); this receiver takes five.
    receiver.answering(Receiver.stall(5000));
    long start = System.nanoTime();
    assertThatThrownBy(() -> webhook.perform(run))
        .isInstanceOf(OutboundFailure.class)
        .hasMessageContaining("No answer from http://127.0.0.1:" + receiver.port());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));

    receiver.answering(Receiver.status(404, "no such hook"));
    assertThatThrownBy(() -> webhook.perform(run))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining("answered 404: no such hook");
  }

  @Test
  void aRedirectIsNotFollowed() {
    Receiver elsewhere = new Receiver();
    try {
      receiver.answering(Receiver.redirect(elsewhere.url("/stolen")));
      ActionRun run = run(hook(receiver.url("/ats")), AutomationTrigger.APPROVED, "APPROVE", null);
      assertThatThrownBy(() -> webhook.perform(run))
          .isInstanceOf(PermanentActionFailure.class)
          .hasMessageContaining("302")
          .hasMessageContaining(elsewhere.url("/stolen"));
      assertThat(elsewhere.received).isEmpty();
    } finally {
      elsewhere.close();
    }
  }

  @Test
  void privateAndLoopbackNamesOutsideTheAllowListAreRefusedBeforeAnyConnection() {
    // 10.0.0.1 would hang until the connect timeout, localhost:1 be refused by the kernel (a
    // retryable failure): a quick permanent failure shows that neither was tried.
    for (String url : new String[] {"http://10.0.0.1/x", "http://localhost:1/x"}) {
      long start = System.nanoTime();
      assertThatThrownBy(
              () -> webhook.perform(run(hook(url), AutomationTrigger.APPROVED, "APPROVE", null)))
          .isInstanceOf(PermanentActionFailure.class)
          .hasMessageContaining("Refused to call");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
    assertThatThrownBy(
            () ->
                slack.perform(
                    run(
                        new RuleAction(ActionType.SLACK, Map.of("url", "http://192.168.0.10/h")),
                        AutomationTrigger.APPROVED,
                        "APPROVE",
                        null)))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining("private");
  }

  @Test
  void slackHearsWhoForWhichJobWhatHappenedAndWhereToLook() throws Exception {
    String jobId =
        api.create(
            "/api/jobs",
            """
            {"title": "Staff Platform Engineer", "description": "d", "requirements": "r",
             "location": "Remote", "clientCompany": "Acme & Sons", "showDescriptionToClients": true}
            """);
    String candidateId =
        api.create(
            "/api/candidates",
            """
            {"name": "Ada <Lovelace>", "title": "Engineer", "currentCompany": "Analytical",
             "skills": ["Java"], "summary": "s", "email": "ada@example.test", "phone": "1",
             "internalNotes": "n"}
            """);
    String workspaceId = jobs.find(jobId).orElseThrow().workspaceId();
    LifecycleEventOccurred event =
        new LifecycleEventOccurred(
            "event-" + UUID.randomUUID(),
            AutomationTrigger.REJECTED,
            workspaceId,
            jobId,
            "sub-42",
            candidateId,
            Instant.now());
    ActionRun run =
        new ActionRun(
            "run-1",
            1,
            "delivery-" + UUID.randomUUID(),
            "rule-1",
            "Tell the channel",
            new RuleAction(ActionType.SLACK, Map.of("url", receiver.url("/services/T/B/X"))),
            event,
            "REJECT",
            "Not enough <!channel> Kubernetes & Go");

    slack.perform(run);

    Receiver.Received got = receiver.received.get(0);
    assertThat(got.header("Content-Type")).isEqualTo("application/json");
    JsonNode message = JSON.readTree(got.body());
    String text = message.get("text").asText();
    String blocks = message.get("blocks").toString();
    String link = TestRuntime.h2().origin() + "/console/submissions/sub-42";
    for (String said : new String[] {text, blocks}) {
      assertThat(said)
          .contains("Ada &lt;Lovelace&gt;")
          .contains("Staff Platform Engineer at Acme &amp; Sons")
          .contains("rejected")
          .contains("Not enough &lt;!channel&gt; Kubernetes &amp; Go")
          .contains(link)
          .doesNotContain("<!channel>");
    }
    assertThat(message.get("blocks").get(0).get("type").asText()).isEqualTo("section");
    assertThat(message.get("blocks").get(0).get("text").get("type").asText()).isEqualTo("mrkdwn");
  }
}
