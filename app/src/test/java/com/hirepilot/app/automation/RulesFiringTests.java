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
import com.hirepilot.workflows.submission.AutomationTrigger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Rules fire on a real client decision: once per event however often it is handed over, only when
 * their conditions match, never while paused, and an action that fails twice is retried to success.
 * The actions are performed by a counting CREATE_TASK performer registered for this class only
 * (ahead of any real one, and removed afterwards), so the shared app stays as it was.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesFiringTests {

  private static final String PERFORMER = "rulesFiringTestsPerformer";

  /** Counts calls per task title; a title starting with "flaky" fails its first two attempts. */
  static final class CountingPerformer implements ActionPerformer, Ordered {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<String, String> deliveries = new ConcurrentHashMap<>();

    @Override
    public ActionType type() {
      return ActionType.CREATE_TASK;
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void perform(ActionRun run) {
      String title = run.action().setting("title");
      int call = calls.computeIfAbsent(title, t -> new AtomicInteger()).incrementAndGet();
      deliveries.put(title, run.deliveryId() + "|" + run.decision() + "|" + run.reason());
      if (title.startsWith("flaky") && call <= 2) {
        throw new IllegalStateException("receiver down, call " + call);
      }
    }
  }

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);
  final CountingPerformer performer = new CountingPerformer();

  @Autowired ConfigurableApplicationContext app;
  @Autowired JdbcClient jdbc;
  @Autowired AutomationEngine engine;

  @BeforeAll
  void registerPerformer() {
    app.getBeanFactory().registerSingleton(PERFORMER, performer);
  }

  @AfterAll
  void removePerformer() {
    ((DefaultListableBeanFactory) app.getBeanFactory()).destroySingleton(PERFORMER);
  }

  record Approved(String jobId, String submissionId) {}

  /** A job of a unique client company with one client, a candidate submitted and approved. */
  Approved approvedWithReason(String company, String reason) {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String client = "auto-" + u + "@client.test";
    String jobId =
        api.create(
            "/api/jobs",
            "{\"title\":\"Engineer " + u + "\",\"clientCompany\":" + quote(company) + "}");
    api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":" + quote(client) + "}");
    String candidateId = api.create("/api/candidates", "{\"name\":\"Robin " + u + "\"}");
    String submissionId =
        api.create(
            "/api/jobs/" + jobId + "/submissions", "{\"candidateId\":" + quote(candidateId) + "}");
    var email = TestMail.awaitMessage(client, s -> s.startsWith("New candidate"));
    Browser browser = new Browser(origin);
    assertThat(browser.signInWith(TestMail.portalLinks(email).get(0))).isEqualTo(200);
    HttpResponse<String> decided =
        browser.postJson(
            "/api/portal/submissions/" + submissionId + "/decision",
            "{\"decision\":\"APPROVE\",\"reason\":" + quote(reason) + "}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    return new Approved(jobId, submissionId);
  }

  String newRule(String conditions, String title) {
    return api.create(
        "/api/automation-rules",
        "{\"name\":\"On approval\",\"trigger\":\"APPROVED\",\"conditions\":"
            + conditions
            + ",\"actions\":[{\"type\":\"CREATE_TASK\",\"title\":"
            + quote(title)
            + "}]}");
  }

  JsonNode awaitRuns(String ruleId, java.util.function.Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode runs;
    do {
      runs = json(api.get("/api/automation-rules/" + ruleId + "/runs"));
      if (done.test(runs)) {
        return runs;
      }
      TestMail.sleep();
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("Runs never settled: " + runs);
  }

  int count(String title) {
    AtomicInteger calls = performer.calls.get(title);
    return calls == null ? 0 : calls.get();
  }

  @Test
  void anApprovalFiresAMatchingRuleOnceEvenWhenHandedOverTwice() {
    String company = "Acme " + UUID.randomUUID();
    String title = "Call the client " + UUID.randomUUID();
    String ruleId =
        newRule(
            "{\"clientCompany\":"
                + quote("  " + company.toUpperCase() + " ")
                + ",\"stage\":\"CLIENT_APPROVED\",\"reasonContains\":\"STRONG\"}",
            title);
    Approved approved = approvedWithReason(company, "A strong systems engineer");

    JsonNode runs =
        awaitRuns(ruleId, r -> r.size() == 1 && "SUCCEEDED".equals(r.at("/0/outcome").asText()));
    JsonNode run = runs.get(0);
    assertThat(run.get("event").asText()).isEqualTo("APPROVED");
    assertThat(run.get("submissionId").asText()).isEqualTo(approved.submissionId());
    assertThat(run.get("attempts").asInt()).isEqualTo(1);
    assertThat(run.at("/actions/0/outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(performer.deliveries.get(title))
        .isEqualTo(
            "automation-run-" + run.get("id").asText() + "/0|APPROVE|A strong systems engineer");

    // The workflow's activity retried: the same event handed over again fires nothing new.
    String key = run.get("eventKey").asText();
    LifecycleEventOccurred again =
        new LifecycleEventOccurred(
            key,
            AutomationTrigger.APPROVED,
            jdbc.sql("select workspace_id from automation_rule where id = ?")
                .param(ruleId)
                .query(String.class)
                .single(),
            approved.jobId(),
            approved.submissionId(),
            null,
            Instant.now());
    engine.handle(again);
    engine.handle(again);
    TestMail.sleep();
    assertThat(json(api.get("/api/automation-rules/" + ruleId + "/runs"))).hasSize(1);
    assertThat(count(title)).isEqualTo(1);
  }

  @Test
  void aRuleWhoseConditionsDoNotMatchOrThatIsPausedFiresNothing() {
    String company = "Globex " + UUID.randomUUID();
    String otherCompany = newRule("{\"clientCompany\":\"Someone Else\"}", "other " + company);
    String wrongReason = newRule("{\"reasonContains\":\"budget\"}", "reason " + company);
    String wrongStage = newRule("{\"stage\":\"CLIENT_REJECTED\"}", "stage " + company);
    String paused = newRule("{\"clientCompany\":" + quote(company) + "}", "paused " + company);
    assertThat(api.post("/api/automation-rules/" + paused + "/pause", "{}").statusCode())
        .isEqualTo(200);
    String control = newRule("{\"clientCompany\":" + quote(company) + "}", "control " + company);

    approvedWithReason(company, "Great fit");

    awaitRuns(control, r -> r.size() == 1 && "SUCCEEDED".equals(r.at("/0/outcome").asText()));
    for (String ruleId : List.of(otherCompany, wrongReason, wrongStage, paused)) {
      assertThat(json(api.get("/api/automation-rules/" + ruleId + "/runs"))).isEmpty();
    }
    for (String prefix : List.of("other ", "reason ", "stage ", "paused ")) {
      assertThat(count(prefix + company)).as(prefix).isZero();
    }
    for (String ruleId : List.of(otherCompany, wrongReason, wrongStage, paused, control)) {
      api.delete("/api/automation-rules/" + ruleId);
    }
  }

  @Test
  void anActionFailingTwiceThenSucceedingIsRecordedWithThreeAttempts() {
    String company = "Initech " + UUID.randomUUID();
    String title = "flaky " + UUID.randomUUID();
    String ruleId = newRule("{\"clientCompany\":" + quote(company) + "}", title);
    approvedWithReason(company, "Yes");

    JsonNode run =
        awaitRuns(ruleId, r -> r.size() == 1 && "SUCCEEDED".equals(r.at("/0/outcome").asText()))
            .get(0);
    assertThat(run.get("attempts").asInt()).isEqualTo(3);
    assertThat(run.at("/actions/0/attempts").asInt()).isEqualTo(3);
    assertThat(run.at("/actions/0/outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(count(title)).isEqualTo(3);
  }
}
