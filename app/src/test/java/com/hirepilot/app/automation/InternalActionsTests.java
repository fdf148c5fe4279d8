package com.hirepilot.app.automation;

import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.deal.DealService;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.workflows.submission.AutomationTrigger;
import com.hirepilot.workflows.submission.Decision;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The actions that act inside HirePilot, each performer called as the run workflow's activity calls
 * it, on a real submission made through the recruiter API; twice with one delivery ID, as a
 * Temporal retry would.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class InternalActionsTests {

  @Autowired List<ActionPerformer> performers;
  @Autowired DealService deals;
  @Autowired JdbcClient jdbc;

  private final RecruiterApi api =
      new RecruiterApi(TestRuntime.h2().origin(), TestRuntime.RECRUITER_TOKEN);
  private final String unique = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void moveStageMovesTheCandidateOnceAndLogsOneInternalLine() {
    Submitted s = submit();
    ActionRun run =
        run(s, "Move approvals", ActionType.MOVE_STAGE, Map.of("stage", "CLIENT_APPROVED"));

    perform(run);
    // A later step moves the candidate on; a retry of the action must not move them back.
    jdbc.sql("update pipeline_entry set stage = 'WITHDRAWN' where job_id = ? and candidate_id = ?")
        .params(s.jobId, s.candidateId)
        .update();
    perform(run);

    assertThat(stageOf(s)).isEqualTo("WITHDRAWN");
    assertThat(linesOf(s.jobId, run.deliveryId()))
        .containsExactly(
            "Automation 'Move approvals' moved Noor " + unique + " to CLIENT_APPROVED");
    assertThat(clientVisible(s.jobId, run.deliveryId())).isFalse();

    ActionRun other =
        run(s, "Move approvals", ActionType.MOVE_STAGE, Map.of("stage", "CLIENT_APPROVED"));
    perform(other);
    assertThat(stageOf(s)).isEqualTo("CLIENT_APPROVED");
  }

  @Test
  void anUnknownStageIsAPermanentFailure() {
    Submitted s = submit();
    assertThatThrownBy(
            () -> perform(run(s, "Bad", ActionType.MOVE_STAGE, Map.of("stage", "HIRED"))))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining("HIRED");
    assertThatThrownBy(
            () -> perform(run(s, "Bad", ActionType.UPDATE_DEAL, Map.of("stage", "HIRED"))))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining("HIRED");
  }

  @Test
  void updateDealMovesTheConnectedDealAndAJobWithoutOneFailsForGood() {
    Submitted s = submit();
    ActionRun run = run(s, "Deals on approval", ActionType.UPDATE_DEAL, Map.of("stage", "WON"));
    assertThatThrownBy(() -> perform(run))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessage("the job has no deal connected");

    api.put("/api/jobs/" + s.jobId + "/deal", "{\"name\":\"Retained " + unique + "\"}");
    perform(run);
    perform(run);

    assertThat(dealStage(s.jobId)).isEqualTo("WON");
    assertThat(linesOf(s.jobId, run.deliveryId()))
        .containsExactly(
            "Automation 'Deals on approval' moved the deal Retained "
                + unique
                + " from OPEN to WON");
  }

  @Test
  void createTaskGivesTheSubmittingRecruiterOneTaskListedAndDoneThroughTheApi() {
    Submitted s = submit();
    String title = "Call the client about Noor " + unique;
    ActionRun run = run(s, "Follow up", ActionType.CREATE_TASK, Map.of("title", title));

    perform(run);
    perform(run);

    List<JsonNode> mine = tasksTitled(title);
    assertThat(mine).hasSize(1);
    JsonNode task = mine.get(0);
    assertThat(task.get("jobId").asText()).isEqualTo(s.jobId);
    assertThat(task.get("submissionId").asText()).isEqualTo(s.id);
    assertThat(linesOf(s.jobId, run.deliveryId())).hasSize(1);

    // Newest first.
    String later = "Send the offer pack " + unique;
    perform(run(s, "Follow up", ActionType.CREATE_TASK, Map.of("title", later)));
    List<String> titles = titles();
    assertThat(titles.indexOf(later)).isLessThan(titles.indexOf(title));

    String taskId = task.get("id").asText();
    assertThat(api.post("/api/tasks/" + taskId + "/done", "").statusCode()).isEqualTo(204);
    assertThat(tasksTitled(title)).isEmpty();
    assertThat(api.post("/api/tasks/" + taskId + "/done", "").statusCode()).isEqualTo(204);

    // Another recruiter's task answers as an unknown one does.
    String stranger = UUID.randomUUID().toString();
    jdbc.sql(
            """
            insert into recruiter (id, workspace_id, name, email, role, version, created_at)
            select ?, workspace_id, 'Other', ?, 'RECRUITER', 0, created_at from recruiter
            where email = ?
            """)
        .params(stranger, "other-" + unique + "@agency.test", TestRuntime.RECRUITER_EMAIL)
        .update();
    jdbc.sql(
            """
            insert into recruiter_task
              (id, workspace_id, recruiter_id, title, idempotency_key, created_at)
            select ?, workspace_id, ?, 'Not yours', ?, created_at from recruiter where id = ?
            """)
        .params("task-" + unique, stranger, "key-" + unique, stranger)
        .update();
    assertThat(api.post("/api/tasks/task-" + unique + "/done", "").statusCode()).isEqualTo(404);
    assertThat(api.post("/api/tasks/nothing-" + unique + "/done", "").statusCode()).isEqualTo(404);
    assertThat(titles()).doesNotContain("Not yours");
  }

  @Test
  void theEmailActionSendsOneEmailToTheRecruiterEvenWhenPerformedTwice() throws Exception {
    Submitted s = submit();
    String rule = "Tell me " + unique;
    ActionRun run =
        new ActionRun(
            "run-" + UUID.randomUUID(),
            0,
            "delivery-" + UUID.randomUUID(),
            "rule-" + unique,
            rule,
            new RuleAction(ActionType.EMAIL, Map.of("to", "RECRUITER")),
            event(s, AutomationTrigger.APPROVED),
            "APPROVE",
            "Great fit <b>for</b> the team");

    perform(run);
    MimeMessage email =
        TestMail.awaitMessage(TestRuntime.RECRUITER_EMAIL, subject -> subject.startsWith(rule));
    perform(run);
    TestMail.sleep();

    assertThat(
            TestMail.to(TestRuntime.RECRUITER_EMAIL).stream()
                .filter(m -> TestMail.subjectOf(m).startsWith(rule)))
        .hasSize(1);
    assertThat(TestMail.subjectOf(email))
        .isEqualTo(
            rule
                + ": Noor "
                + unique
                + " for Platform Engineer "
                + unique
                + " — the client approved");
    String text = TestMail.part(email, "text/plain");
    assertThat(text)
        .contains("Great fit <b>for</b> the team")
        .contains("/console/submissions/" + s.id);
    assertThat(TestMail.part(email, "text/html")).doesNotContain("<b>for</b>");
    assertThat(linesOf(s.jobId, run.deliveryId()))
        .containsExactly("Automation '" + rule + "' emailed " + TestRuntime.RECRUITER_EMAIL);

    assertThatThrownBy(
            () -> perform(run(s, rule, ActionType.EMAIL, Map.of("to", "not an address"))))
        .isInstanceOf(PermanentActionFailure.class);
  }

  @Test
  void theWorkspaceChoosesWhereAnApprovalMovesTheDeal() {
    Submitted s = submit();
    api.put("/api/jobs/" + s.jobId + "/deal", "{\"name\":\"Deal " + unique + "\"}");
    try {
      assertThat(api.patch("/api/workspace", "{\"dealStageOnApproval\":\"HIRED\"}").statusCode())
          .isEqualTo(422);
      JsonNode workspace = RecruiterApi.json(api.get("/api/workspace"));
      assertThat(workspace.get("dealStageOnApproval").asText()).isEqualTo("CANDIDATE_APPROVED");
      assertThat(workspace.get("dealStageOnInterview").asText()).isEqualTo("INTERVIEWING");

      assertThat(api.patch("/api/workspace", "{\"dealStageOnApproval\":\"WON\"}").statusCode())
          .isEqualTo(200);
      assertThat(deals.follow(s.jobId, Decision.APPROVE)).contains("WON");
      assertThat(dealStage(s.jobId)).isEqualTo("WON");

      assertThat(api.patch("/api/workspace", "{\"dealStageOnInterview\":\"leave\"}").statusCode())
          .isEqualTo(200);
      assertThat(RecruiterApi.json(api.get("/api/workspace")).get("dealStageOnInterview").asText())
          .isEqualTo("LEAVE");
      assertThat(deals.follow(s.jobId, Decision.REQUEST_INTERVIEW)).contains("WON");
      assertThat(dealStage(s.jobId)).isEqualTo("WON");
    } finally {
      api.patch("/api/workspace", "{\"dealStageOnApproval\":null,\"dealStageOnInterview\":null}");
    }
    assertThat(deals.follow(s.jobId, Decision.APPROVE)).contains("CANDIDATE_APPROVED");
  }

  private record Submitted(String id, String jobId, String candidateId, String workspaceId) {}

  private Submitted submit() {
    String jobId = api.create("/api/jobs", "{\"title\":\"Platform Engineer " + unique + "\"}");
    api.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s}".formatted(quote("client-" + unique + "@client.test")));
    String candidateId = api.create("/api/candidates", "{\"name\":\"Noor " + unique + "\"}");
    String id =
        api.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s}".formatted(quote(candidateId)));
    String workspaceId =
        jdbc.sql("select workspace_id from submission where id = ?")
            .param(id)
            .query(String.class)
            .single();
    return new Submitted(id, jobId, candidateId, workspaceId);
  }

  private LifecycleEventOccurred event(Submitted s, AutomationTrigger trigger) {
    return new LifecycleEventOccurred(
        "event-" + UUID.randomUUID(),
        trigger,
        s.workspaceId,
        s.jobId,
        s.id,
        s.candidateId,
        Instant.now());
  }

  private ActionRun run(Submitted s, String rule, ActionType type, Map<String, String> settings) {
    return new ActionRun(
        "run-" + UUID.randomUUID(),
        0,
        "delivery-" + UUID.randomUUID(),
        "rule-" + unique,
        rule,
        new RuleAction(type, settings),
        event(s, AutomationTrigger.APPROVED),
        "APPROVE",
        null);
  }

  private void perform(ActionRun run) {
    performers.stream()
        .filter(p -> p.type() == run.action().type())
        .findFirst()
        .orElseThrow()
        .perform(run);
  }

  private String stageOf(Submitted s) {
    return jdbc.sql("select stage from pipeline_entry where job_id = ? and candidate_id = ?")
        .params(s.jobId, s.candidateId)
        .query(String.class)
        .single();
  }

  private String dealStage(String jobId) {
    return RecruiterApi.json(api.get("/api/jobs/" + jobId + "/deal")).get("stage").asText();
  }

  private List<String> linesOf(String jobId, String key) {
    return jdbc.sql("select detail from job_activity where job_id = ? and idempotency_key = ?")
        .params(jobId, key)
        .query(String.class)
        .list();
  }

  private boolean clientVisible(String jobId, String key) {
    return jdbc.sql(
            "select client_visible from job_activity where job_id = ? and idempotency_key = ?")
        .params(jobId, key)
        .query(Boolean.class)
        .single();
  }

  private List<JsonNode> tasks() {
    var response = api.get("/api/tasks");
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> all = new java.util.ArrayList<>();
    RecruiterApi.json(response).forEach(all::add);
    return all;
  }

  private List<JsonNode> tasksTitled(String title) {
    return tasks().stream().filter(t -> t.get("title").asText().equals(title)).toList();
  }

  private List<String> titles() {
    return tasks().stream().map(t -> t.get("title").asText()).toList();
  }
}
