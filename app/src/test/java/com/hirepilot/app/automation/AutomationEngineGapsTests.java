package com.hirepilot.app.automation;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.StatementCounter;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.app.workspace.OtherWorkspaces;
import com.hirepilot.workflows.submission.AutomationTrigger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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
 * What the engine promises beyond a decision firing a rule: first portal views fire once per client
 * and never fail the page, the per-workspace rule limit, runs left RUNNING by a lost workflow
 * settle at start-up without redoing what was done, an event fires a rule once however often it
 * comes back, and the runs API costs the same statements for a busy rule. Actions are performed by
 * a counting CREATE_TASK performer registered for this class only; rules that could fire on other
 * classes' events live in workspaces of their own.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutomationEngineGapsTests {

  private static final String PERFORMER = "automationEngineGapsTestsPerformer";

  /** Counts calls per task title. */
  static final class CountingPerformer implements ActionPerformer, Ordered {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

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
      calls
          .computeIfAbsent(run.action().setting("title"), t -> new AtomicInteger())
          .incrementAndGet();
    }
  }

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);
  final CountingPerformer performer = new CountingPerformer();

  @Autowired ConfigurableApplicationContext app;
  @Autowired JdbcClient jdbc;
  @Autowired AutomationEngine engine;
  @Autowired AutomationRules rules;
  @Autowired AutomationRuns runs;
  @Autowired UnfinishedRuns unfinished;
  @Autowired StatementCounter statements;

  @BeforeAll
  void registerPerformer() {
    app.getBeanFactory().registerSingleton(PERFORMER, performer);
  }

  @AfterAll
  void removePerformer() {
    ((DefaultListableBeanFactory) app.getBeanFactory()).destroySingleton(PERFORMER);
  }

  int count(String title) {
    AtomicInteger calls = performer.calls.get(title);
    return calls == null ? 0 : calls.get();
  }

  RecruiterApi otherWorkspace(String name) {
    String token = "gaps-" + UUID.randomUUID();
    OtherWorkspaces.create(app, name, token);
    return new RecruiterApi(origin, token);
  }

  String workspaceOf(String ruleId) {
    return jdbc.sql("select workspace_id from automation_rule where id = ?")
        .param(ruleId)
        .query(String.class)
        .single();
  }

  int runCount(String ruleId) {
    return jdbc.sql("select count(*) from automation_run where rule_id = ?")
        .param(ruleId)
        .query(Integer.class)
        .single();
  }

  static String taskRule(String trigger, String conditions, String... titles) {
    StringBuilder actions = new StringBuilder();
    for (String title : titles) {
      actions.append(actions.isEmpty() ? "" : ",");
      actions.append("{\"type\":\"CREATE_TASK\",\"title\":").append(quote(title)).append("}");
    }
    return "{\"name\":\"Rule "
        + UUID.randomUUID()
        + "\",\"trigger\":"
        + quote(trigger)
        + (conditions == null ? "" : ",\"conditions\":" + conditions)
        + ",\"actions\":["
        + actions
        + "]}";
  }

  static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within 60 s: " + what);
      }
      TestMail.sleep();
    }
  }

  record Submitted(String jobId, String submissionId, Map<String, String> links) {}

  /** A job with these clients, a candidate submitted to it, and each client's portal link. */
  Submitted submitted(RecruiterApi recruiter, String... clients) {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String jobId = recruiter.create("/api/jobs", "{\"title\":\"Viewer job " + u + "\"}");
    for (String client : clients) {
      recruiter.create(
          "/api/jobs/" + jobId + "/collaborators", "{\"email\":" + quote(client) + "}");
    }
    String candidateId = recruiter.create("/api/candidates", "{\"name\":\"Sam " + u + "\"}");
    String submissionId =
        recruiter.create(
            "/api/jobs/" + jobId + "/submissions", "{\"candidateId\":" + quote(candidateId) + "}");
    Map<String, String> links = new ConcurrentHashMap<>();
    for (String client : clients) {
      var email = TestMail.awaitMessage(client, s -> s.startsWith("New candidate"));
      links.put(client, TestMail.portalLinks(email).get(0));
    }
    return new Submitted(jobId, submissionId, links);
  }

  Browser signedIn(String link) {
    Browser browser = new Browser(origin);
    assertThat(browser.signInWith(link)).isEqualTo(200);
    return browser;
  }

  @Test
  void aClientsFirstViewFiresTheRuleOncePerCollaboratorAndLaterViewsNothingMore() {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String ann = "ann-" + u + "@client.test";
    String bob = "bob-" + u + "@client.test";
    Submitted s = submitted(api, ann, bob);
    String title = "Follow up the view " + u;
    String ruleId =
        api.create(
            "/api/automation-rules",
            taskRule("SUBMISSION_VIEWED", "{\"jobId\":" + quote(s.jobId()) + "}", title));

    Browser annBrowser = signedIn(s.links().get(ann));
    Browser bobBrowser = signedIn(s.links().get(bob));
    // One on the page, one through the JSON API: both are first views.
    assertThat(annBrowser.getPage("/portal/submissions/" + s.submissionId()).statusCode())
        .isEqualTo(200);
    assertThat(bobBrowser.get("/api/portal/submissions/" + s.submissionId()).statusCode())
        .isEqualTo(200);

    await(
        "two views' runs succeed",
        () -> {
          JsonNode r = json(api.get("/api/automation-rules/" + ruleId + "/runs"));
          return r.size() == 2
              && "SUCCEEDED".equals(r.at("/0/outcome").asText())
              && "SUCCEEDED".equals(r.at("/1/outcome").asText());
        });
    JsonNode done = json(api.get("/api/automation-rules/" + ruleId + "/runs"));
    assertThat(done.findValuesAsText("event")).containsOnly("SUBMISSION_VIEWED");
    assertThat(done.findValuesAsText("submissionId")).containsOnly(s.submissionId());
    assertThat(done.findValuesAsText("eventKey")).doesNotHaveDuplicates();
    assertThat(count(title)).isEqualTo(2);

    // Reloads, each way, by both: recorded views already, so nothing more fires.
    assertThat(annBrowser.get("/api/portal/submissions/" + s.submissionId()).statusCode())
        .isEqualTo(200);
    assertThat(annBrowser.getPage("/portal/submissions/" + s.submissionId()).statusCode())
        .isEqualTo(200);
    assertThat(bobBrowser.getPage("/portal/submissions/" + s.submissionId()).statusCode())
        .isEqualTo(200);
    TestMail.sleep();
    TestMail.sleep();
    assertThat(runCount(ruleId)).isEqualTo(2);
    assertThat(count(title)).isEqualTo(2);
    assertThat(
            jdbc.sql("select count(*) from submission_first_view where submission_id = ?")
                .param(s.submissionId())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aViewIsShownWhenTheRulesCannotRunAndTheNextViewHandsItOverAgain() {
    RecruiterApi other = otherWorkspace("Viewers Agency");
    String u = UUID.randomUUID().toString().substring(0, 8);
    String cleo = "cleo-" + u + "@client.test";
    Submitted s = submitted(other, cleo);
    String title = "Unreadable at first " + u;
    String ruleId =
        other.create("/api/automation-rules", taskRule("SUBMISSION_VIEWED", null, title));
    String stored =
        jdbc.sql("select actions from automation_rule where id = ?")
            .param(ruleId)
            .query(String.class)
            .single();
    // A rule this version cannot read (an action type it does not know): the engine throws.
    jdbc.sql("update automation_rule set actions = ? where id = ?")
        .params("[{\"type\":\"FAX\"}]", ruleId)
        .update();

    Browser browser = signedIn(s.links().get(cleo));
    HttpResponse<String> page = browser.getPage("/portal/submissions/" + s.submissionId());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(browser.get("/api/portal/submissions/" + s.submissionId()).statusCode())
        .isEqualTo(200);
    assertThat(runCount(ruleId)).isZero();
    // The rules never got the view, so it is not on record as handed over.
    assertThat(
            jdbc.sql("select count(*) from submission_first_view where submission_id = ?")
                .param(s.submissionId())
                .query(Integer.class)
                .single())
        .isZero();

    jdbc.sql("update automation_rule set actions = ? where id = ?").params(stored, ruleId).update();
    assertThat(browser.get("/api/portal/submissions/" + s.submissionId()).statusCode())
        .isEqualTo(200);
    await(
        "the repaired rule's run succeeds",
        () ->
            runs.ofRule(ruleId, 10).keySet().stream()
                .anyMatch(r -> AutomationRuns.SUCCEEDED.equals(r.outcome())));
    assertThat(runCount(ruleId)).isEqualTo(1);
    assertThat(count(title)).isEqualTo(1);
  }

  @Test
  void theHundredAndFirstRuleIsAProblemAndStoresNothing() {
    RecruiterApi other = otherWorkspace("Busy Rules Agency");
    String first = null;
    for (int i = 0; i < RuleValidation.MAX_RULES; i++) {
      String id = other.create("/api/automation-rules", taskRule("APPROVED", null, "Task " + i));
      first = first == null ? id : first;
    }
    String workspaceId = workspaceOf(first);

    HttpResponse<String> refused =
        other.post("/api/automation-rules", taskRule("APPROVED", null, "One too many"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(refused).at("/errors/0/field").asText()).isEqualTo("rules");
    assertThat(rules.countActive(workspaceId)).isEqualTo(RuleValidation.MAX_RULES);
    assertThat(
            jdbc.sql("select count(*) from automation_rule where workspace_id = ?")
                .param(workspaceId)
                .query(Integer.class)
                .single())
        .isEqualTo(RuleValidation.MAX_RULES);

    // A deleted rule no longer counts.
    assertThat(other.delete("/api/automation-rules/" + first).statusCode()).isEqualTo(204);
    assertThat(
            other
                .post("/api/automation-rules", taskRule("APPROVED", null, "Room again"))
                .statusCode())
        .isEqualTo(201);
  }

  /**
   * Two runs the embedded server forgot: one had performed its first action, the other had its
   * first action settled FAILED. At start-up both settle, performing only what was still to do;
   * handing their events over again afterwards records and performs nothing.
   */
  @Test
  void runsLeftRunningSettleAtStartUpWithoutRedoingWhatWasSettledAndFireOnceAfterwards() {
    RecruiterApi other = otherWorkspace("Restarted Agency");
    String u = UUID.randomUUID().toString().substring(0, 8);
    String first = "first " + u;
    String second = "second " + u;
    String ruleId =
        other.create("/api/automation-rules", taskRule("APPROVED", null, first, second));
    AutomationRule rule = rules.byId(ruleId).orElseThrow();
    LifecycleEventOccurred done = event(rule, "done-" + u);
    LifecycleEventOccurred failed = event(rule, "failed-" + u);

    // Recorded as the engine does, but their workflows never ran (the process died).
    AutomationRuns.Run doneRun = runs.record(rule, done, Ids.next(), Instant.now());
    AutomationRuns.Run failedRun = runs.record(rule, failed, Ids.next(), Instant.now());
    runs.settle(doneRun.id(), 0, AutomationRuns.SUCCEEDED, null);
    runs.settle(failedRun.id(), 0, AutomationRuns.FAILED, "The receiver said no");
    assertThat(runs.run(doneRun.id()).orElseThrow().outcome()).isEqualTo(AutomationRuns.RUNNING);

    unfinished.start();

    await(
        "both runs settle",
        () ->
            !AutomationRuns.RUNNING.equals(runs.run(doneRun.id()).orElseThrow().outcome())
                && !AutomationRuns.RUNNING.equals(
                    runs.run(failedRun.id()).orElseThrow().outcome()));
    assertThat(runs.run(doneRun.id()).orElseThrow().outcome()).isEqualTo(AutomationRuns.SUCCEEDED);
    AutomationRuns.Run failedAfter = runs.run(failedRun.id()).orElseThrow();
    assertThat(failedAfter.outcome()).isEqualTo(AutomationRuns.FAILED);
    assertThat(failedAfter.error()).isEqualTo("The receiver said no");
    assertThat(runs.actions(failedRun.id()).get(1).outcome()).isEqualTo(AutomationRuns.SUCCEEDED);
    assertThat(count(first)).isZero();
    assertThat(count(second)).isEqualTo(2);

    // The same events again (a retried hand-over, another instance, a later restart).
    engine.handle(done);
    engine.handle(failed);
    engine.handle(event(rule, "done-" + u));
    unfinished.start();
    TestMail.sleep();
    TestMail.sleep();
    assertThat(runCount(ruleId)).isEqualTo(2);
    assertThat(count(first)).isZero();
    assertThat(count(second)).isEqualTo(2);
    assertThat(runs.run(failedRun.id()).orElseThrow().outcome()).isEqualTo(AutomationRuns.FAILED);
  }

  /** An event of the rule's workspace that matches no job or submission (it has no conditions). */
  static LifecycleEventOccurred event(AutomationRule rule, String key) {
    return new LifecycleEventOccurred(
        "test/" + key,
        AutomationTrigger.APPROVED,
        rule.workspaceId(),
        null,
        null,
        null,
        Instant.now());
  }

  @Test
  void theRunsOfABusyRuleCostTheSameStatementsAsOneRunAndShowTheLatest() throws Exception {
    String token = "gaps-" + UUID.randomUUID();
    OtherWorkspaces.create(app, "Many Runs Agency", token);
    RecruiterApi other = new RecruiterApi(origin, token);
    String quiet = other.create("/api/automation-rules", taskRule("APPROVED", null, "q"));
    String busy = other.create("/api/automation-rules", taskRule("APPROVED", null, "b", "b2"));
    record(quiet, 1);
    record(busy, 230);

    int quietStatements = statementsOf(token, quiet);
    int busyStatements = statementsOf(token, busy);
    assertThat(busyStatements).isEqualTo(quietStatements);
    JsonNode shown = json(other.get("/api/automation-rules/" + busy + "/runs"));
    assertThat(shown).hasSize(200);
    for (JsonNode run : shown) {
      assertThat(run.get("actions")).hasSize(2);
    }
    assertThat(shown.get(0).get("eventKey").asText()).isEqualTo("test/busy-229");
  }

  /** Finished runs recorded directly, a second apart, oldest first. */
  void record(String ruleId, int n) {
    AutomationRule rule = rules.byId(ruleId).orElseThrow();
    Instant start = Instant.now().minusSeconds(n);
    for (int i = 0; i < n; i++) {
      AutomationRuns.Run run =
          runs.record(
              rule,
              event(rule, (n == 1 ? "quiet-" : "busy-") + i),
              Ids.next(),
              start.plusSeconds(i));
      for (int a = 0; a < rule.actions().size(); a++) {
        runs.settle(run.id(), a, AutomationRuns.SUCCEEDED, null);
      }
      runs.finish(run.id(), AutomationRuns.SUCCEEDED, rule.actions().size(), null, Instant.now());
    }
  }

  int statementsOf(String token, String ruleId) throws Exception {
    String tag = "runs-" + UUID.randomUUID();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(origin + "/api/automation-rules/" + ruleId + "/runs"))
            .header("Authorization", "Bearer " + token)
            .header(StatementCounter.TAG_HEADER, tag)
            .build();
    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return statements.statementsOf(tag);
  }
}
