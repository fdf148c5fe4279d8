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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * REX on a real rule's run log: a recruiter's rule posts to "Slack" (a loopback receiver answering
 * 500) when the client approves; the client approves in the portal. Asked "why didn't my Slack
 * message fire?", REX reads the run and names the rule, the event and what the receiver said, and
 * never shows the Slack URL's path (a credential).
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnRex.class)
class RexAutomationRunsTests {

  final String origin = TestRuntime.rex().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  @Test
  void rexExplainsAFailingSlackActionFromItsRun() throws Exception {
    try (Receiver slack = new Receiver()) {
      slack.answering(Receiver.status(500, "channel_is_archived"));
      String u = UUID.randomUUID().toString().substring(0, 8);
      String client = "rex-auto-" + u + "@client.test";
      String jobId =
          api.create(
              "/api/jobs",
              "{\"title\":\"Engineer " + u + "\",\"clientCompany\":\"Acme " + u + "\"}");
      api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":" + quote(client) + "}");
      String ruleName = "Approvals to Slack " + u;
      // The Slack URL's path is its secret: REX must never repeat it.
      String slackUrl = slack.url("/services/T0/B0/secret-" + u);
      String ruleId =
          api.create(
              "/api/automation-rules",
              """
              {"name":%s,"trigger":"APPROVED","conditions":{"jobId":%s},
               "actions":[{"type":"SLACK","url":%s}]}"""
                  .formatted(quote(ruleName), quote(jobId), quote(slackUrl)));
      String candidateId = api.create("/api/candidates", "{\"name\":\"Robin " + u + "\"}");
      String submissionId =
          api.create(
              "/api/jobs/" + jobId + "/submissions",
              "{\"candidateId\":" + quote(candidateId) + "}");
      var email = TestMail.awaitMessage(client, s -> s.startsWith("New candidate"));
      Browser browser = new Browser(origin);
      assertThat(browser.signInWith(TestMail.portalLinks(email).get(0))).isEqualTo(200);
      HttpResponse<String> decided =
          browser.postJson(
              "/api/portal/submissions/" + submissionId + "/decision",
              "{\"decision\":\"APPROVE\",\"reason\":\"Strong\"}");
      assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

      // The first attempt has failed and its answer is on record; the rest retry with backoff.
      await(
          () -> {
            JsonNode runs = json(api.get("/api/automation-rules/" + ruleId + "/runs"));
            return runs.size() == 1
                && runs.get(0).path("actions").get(0).path("error").asText().contains("500");
          });

      JsonNode answer =
          ask("Why didn't my Slack message fire for submission " + submissionId + "?");
      List<String> tools = new ArrayList<>();
      answer.path("toolCalls").forEach(c -> tools.add(c.path("tool").asText()));
      assertThat(tools).containsExactly("automationRuns");
      String text = answer.path("answer").asText();
      assertThat(text)
          .contains(ruleName)
          .contains("APPROVED")
          .contains(submissionId)
          .contains("answered 500: channel_is_archived")
          .doesNotContain("secret-" + u);
      assertThat(answer.path("toolCalls").toString()).doesNotContain("secret-" + u);
      assertThat(answer.path("sources").toString()).contains("troubleshooting");
    }
  }

  JsonNode ask(String message) {
    HttpResponse<String> r =
        api.post("/api/rex/chat", "{\"message\":%s}".formatted(quote(message)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within 60 s");
      }
      Thread.sleep(200);
    }
  }
}
