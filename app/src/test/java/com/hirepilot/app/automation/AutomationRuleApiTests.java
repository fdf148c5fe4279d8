package com.hirepilot.app.automation;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.app.workspace.OtherWorkspaces;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The rules API: every bad rule is a 422 naming its field and stores nothing, secrets never leave
 * the server nor sit in the database in the clear, and other workspaces' rules are not there.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class AutomationRuleApiTests {

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext app;

  static String rule(String trigger, String conditions, String actions) {
    return "{\"name\":\"Rule "
        + UUID.randomUUID()
        + "\",\"trigger\":"
        + quote(trigger)
        + (conditions == null ? "" : ",\"conditions\":" + conditions)
        + ",\"actions\":"
        + actions
        + "}";
  }

  int rules() {
    return jdbc.sql("select count(*) from automation_rule").query(Integer.class).single();
  }

  void assertRefused(String body, String field) {
    int before = rules();
    HttpResponse<String> answer = api.post("/api/automation-rules", body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(answer).at("/errors/0/field").asText()).isEqualTo(field);
    assertThat(rules()).as("rules stored after " + body).isEqualTo(before);
  }

  @Test
  void everyBadRuleIsAProblemNamingItsFieldAndStoresNothing() {
    String task = "[{\"type\":\"CREATE_TASK\",\"title\":\"Call them\"}]";
    assertRefused(rule("HIRED", null, task), "trigger");
    assertRefused(rule("APPROVED", null, "[{\"type\":\"FAX\"}]"), "actions[0].type");
    assertRefused(rule("APPROVED", null, "[]"), "actions");
    assertRefused("{\"name\":\"\",\"trigger\":\"APPROVED\",\"actions\":" + task + "}", "name");
    assertRefused(
        "{\"name\":\"" + "n".repeat(201) + "\",\"trigger\":\"APPROVED\",\"actions\":" + task + "}",
        "name");
    assertRefused(rule("APPROVED", null, "[{\"type\":\"MOVE_STAGE\"}]"), "actions[0].stage");
    assertRefused(
        rule("APPROVED", null, "[{\"type\":\"MOVE_STAGE\",\"stage\":\"HIRED\"}]"),
        "actions[0].stage");
    assertRefused(
        rule("APPROVED", null, "[{\"type\":\"UPDATE_DEAL\",\"stage\":\"NOPE\"}]"),
        "actions[0].stage");
    assertRefused(
        rule("APPROVED", null, "[{\"type\":\"EMAIL\",\"to\":\"not-an-address\"}]"),
        "actions[0].to");
    assertRefused(rule("APPROVED", null, "[{\"type\":\"CREATE_TASK\"}]"), "actions[0].title");
    assertRefused(
        rule(
            "APPROVED", null, "[{\"type\":\"CREATE_TASK\",\"title\":\"" + "t".repeat(301) + "\"}]"),
        "actions[0].title");
    String secret = ",\"secret\":\"0123456789abcdef0123\"";
    for (String url :
        new String[] {
          "ftp://hooks.example.test/x",
          "/relative/path",
          "https:///nohost",
          "https://user:pw@hooks.example.test/x",
          "not a url"
        }) {
      assertRefused(
          rule("APPROVED", null, "[{\"type\":\"WEBHOOK\",\"url\":" + quote(url) + secret + "}]"),
          "actions[0].url");
    }
    assertRefused(
        rule("APPROVED", null, "[{\"type\":\"SLACK\",\"url\":\"mailto:a@b.test\"}]"),
        "actions[0].url");
    // Written as an address, a private target needs no lookup to be refused: at once, not when the
    // rule first fires. 127.0.0.1 is on these tests' allow-list, so it is not here.
    for (String url :
        new String[] {
          "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:8080/x"
        }) {
      assertRefused(
          rule("APPROVED", null, "[{\"type\":\"WEBHOOK\",\"url\":" + quote(url) + secret + "}]"),
          "actions[0].url");
    }
    // A receiver on HirePilot's own origin could post back in and fire the rule again.
    assertRefused(
        rule(
            "APPROVED",
            null,
            "[{\"type\":\"WEBHOOK\",\"url\":" + quote(origin + "/api/jobs") + secret + "}]"),
        "actions[0].url");
    assertRefused(
        rule(
            "APPROVED",
            null,
            "[{\"type\":\"SLACK\",\"url\":" + quote(origin + "/webhooks/sendgrid") + "}]"),
        "actions[0].url");
    assertRefused(rule("APPROVED", "{\"jobId\":\"no-such-job\"}", task), "conditions.jobId");
    String many =
        "["
            + String.join(
                ",", java.util.Collections.nCopies(11, task.substring(1, task.length() - 1)))
            + "]";
    assertRefused(rule("APPROVED", null, many), "actions");
  }

  @Test
  void aJobOfAnotherWorkspaceIsNoConditionAndItsRulesAreNotFound() {
    String otherToken = "other-automation-" + UUID.randomUUID();
    OtherWorkspaces.create(app, "Other Agency", otherToken);
    RecruiterApi other = new RecruiterApi(origin, otherToken);
    String theirJob = other.create("/api/jobs", "{\"title\":\"Their job\"}");
    assertRefused(
        rule(
            "APPROVED",
            "{\"jobId\":" + quote(theirJob) + "}",
            "[{\"type\":\"CREATE_TASK\",\"title\":\"x\"}]"),
        "conditions.jobId");

    String theirRule =
        other.create(
            "/api/automation-rules",
            rule("APPROVED", null, "[{\"type\":\"CREATE_TASK\",\"title\":\"Theirs\"}]"));
    assertThat(api.get("/api/automation-rules/" + theirRule + "/runs").statusCode()).isEqualTo(404);
    assertThat(api.delete("/api/automation-rules/" + theirRule).statusCode()).isEqualTo(404);
    assertThat(api.post("/api/automation-rules/" + theirRule + "/pause", "{}").statusCode())
        .isEqualTo(404);
    assertThat(json(api.get("/api/automation-rules")).findValuesAsText("id"))
        .doesNotContain(theirRule);
    assertThat(json(other.get("/api/automation-rules")).findValuesAsText("id")).contains(theirRule);
  }

  @Test
  void secretsAreNeverShownAndNeverStoredInTheClear() {
    String webhookSecret = "whsec-" + UUID.randomUUID();
    String slackPath = "/services/T000/B000/" + UUID.randomUUID();
    String id =
        api.create(
            "/api/automation-rules",
            rule(
                "APPROVED",
                "{\"clientCompany\":\"Acme\"}",
                "[{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example.test/in\",\"secret\":"
                    + quote(webhookSecret)
                    + "},{\"type\":\"SLACK\",\"url\":"
                    + quote("https://hooks.slack.test" + slackPath)
                    + "}]"));

    String listed = api.get("/api/automation-rules").body();
    assertThat(listed).contains(id).doesNotContain(webhookSecret).doesNotContain(slackPath);
    JsonNode shown = json(api.get("/api/automation-rules/" + id)).get("actions");
    assertThat(shown.get(0).get("secret").asText()).isEqualTo("(set)");
    assertThat(shown.get(0).get("url").asText()).isEqualTo("https://hooks.example.test/in");
    assertThat(shown.get(1).get("host").asText()).isEqualTo("hooks.slack.test");

    String stored =
        jdbc.sql("select actions from automation_rule where id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain(webhookSecret).doesNotContain(slackPath).contains("enc:v1:");

    // The encrypted values open again for the performers.
    AutomationRule read = app.getBean(AutomationRules.class).byId(id).orElseThrow();
    assertThat(read.actions().get(0).setting("secret")).isEqualTo(webhookSecret);
    assertThat(read.actions().get(1).setting("url")).endsWith(slackPath);

    assertThat(api.delete("/api/automation-rules/" + id).statusCode()).isEqualTo(204);
    assertThat(api.get("/api/automation-rules").body()).doesNotContain(id);
    assertThat(api.get("/api/automation-rules/" + id + "/runs").statusCode()).isEqualTo(404);
  }
}
