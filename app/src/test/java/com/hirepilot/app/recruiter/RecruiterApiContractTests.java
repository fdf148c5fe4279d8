package com.hirepilot.app.recruiter;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestFiles;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.app.workspace.OtherWorkspaces;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every recruiter route, table-driven: without a token it answers 401 with {@code WWW-Authenticate:
 * Bearer}; another workspace's objects answer 404 and leak nothing; an ID no ID can be answers a
 * 400 problem naming the path variable; and its success answer carries the contract's fields.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class RecruiterApiContractTests {

  /** A route, and a body it accepts (null: none). */
  record Route(String method, String path, String body) {
    String key() {
      return method + " " + path;
    }
  }

  static final String JOB = "{\"title\":\"Contract role\"}";

  static final List<Route> ROUTES =
      List.of(
          new Route("GET", "/api/jobs", null),
          new Route("POST", "/api/jobs", JOB),
          new Route("GET", "/api/jobs/{jobId}", null),
          new Route("PATCH", "/api/jobs/{jobId}", "{\"location\":\"Berlin\"}"),
          new Route("GET", "/api/jobs/{jobId}/activity", null),
          new Route("GET", "/api/jobs/{jobId}/collaborators", null),
          new Route("POST", "/api/jobs/{jobId}/collaborators", "{\"email\":\"new@client.test\"}"),
          new Route(
              "PATCH", "/api/jobs/{jobId}/collaborators/{collaboratorId}", "{\"name\":\"Casey\"}"),
          new Route("DELETE", "/api/jobs/{jobId}/collaborators/{collaboratorId}", null),
          new Route("POST", "/api/jobs/{jobId}/collaborators/{collaboratorId}/access-link", null),
          new Route(
              "POST",
              "/api/jobs/{jobId}/collaborators/{collaboratorId}/address-confirmation",
              null),
          new Route(
              "POST", "/api/jobs/{jobId}/submissions", "{\"candidateId\":\"{freeCandidateId}\"}"),
          new Route(
              "POST",
              "/api/jobs/{jobId}/submissions/bulk",
              "{\"candidateIds\":[\"{freeCandidateId}\"]}"),
          new Route("GET", "/api/jobs/{jobId}/deal", null),
          new Route("PUT", "/api/jobs/{jobId}/deal", "{\"name\":\"Deal\"}"),
          new Route("GET", "/api/candidates", null),
          new Route("POST", "/api/candidates", "{\"name\":\"Lee\"}"),
          new Route("POST", "/api/candidates/import", null),
          new Route("GET", "/api/candidates/{candidateId}", null),
          new Route("PATCH", "/api/candidates/{candidateId}", "{\"title\":\"Lead\"}"),
          new Route("GET", "/api/candidates/{candidateId}/attachments", null),
          new Route("POST", "/api/candidates/{candidateId}/attachments", null),
          new Route(
              "PATCH",
              "/api/candidates/{candidateId}/attachments/{attachmentId}",
              "{\"public\":false}"),
          new Route("GET", "/api/candidates/{candidateId}/notes", null),
          new Route("POST", "/api/candidates/{candidateId}/notes", "{\"body\":\"Met her\"}"),
          new Route("GET", "/api/submissions", null),
          new Route("GET", "/api/submissions/{submissionId}", null),
          new Route("POST", "/api/submissions/{submissionId}/resend", "{}"),
          new Route("POST", "/api/submissions/{submissionId}/withdraw", null),
          new Route("POST", "/api/submissions/{submissionId}/comments", "{\"body\":\"Hi\"}"),
          new Route(
              "POST",
              "/api/automation-rules",
              "{\"name\":\"Contract rule\",\"trigger\":\"APPROVED\",\"actions\":[{\"type\":\"CREATE_TASK\",\"title\":\"Follow up\"}]}"),
          new Route("GET", "/api/automation-rules", null),
          new Route("GET", "/api/automation-rules/{ruleId}", null),
          new Route("DELETE", "/api/automation-rules/{ruleId}", null),
          new Route("POST", "/api/automation-rules/{ruleId}/pause", null),
          new Route("POST", "/api/automation-rules/{ruleId}/resume", null),
          new Route("GET", "/api/automation-rules/{ruleId}/runs", null),
          new Route("GET", "/api/tasks", null),
          new Route("POST", "/api/tasks/{taskId}/done", null),
          new Route("GET", "/api/notifications", null),
          new Route("POST", "/api/notifications/read", "{\"ids\":[]}"),
          new Route("GET", "/api/workspace", null),
          new Route("PATCH", "/api/workspace", "{}"),
          // Its body is the file's content (null: a small PNG); then DELETE leaves no logo behind.
          new Route("PUT", "/api/workspace/logo", null),
          new Route("DELETE", "/api/workspace/logo", null),
          new Route("GET", "/api/recruiters", null),
          new Route("POST", "/api/recruiters", "{\"name\":\"Sam\",\"email\":\"{freshEmail}\"}"),
          new Route("GET", "/api/tokens", null),
          new Route("POST", "/api/tokens", "{\"name\":\"CI\"}"),
          new Route("DELETE", "/api/tokens/{tokenId}", null),
          new Route("GET", "/api/workspace/guests", null),
          new Route(
              "POST",
              "/api/workspace/guests",
              "{\"email\":\"{freshEmail}\",\"clientCompany\":\"Contract Co\"}"),
          new Route("DELETE", "/api/workspace/guests/{guestId}", null));

  /**
   * What a route's success answers: its status and the contract's fields (of the first item of a
   * list).
   */
  record Success(int status, List<String> fields) {}

  static final Map<String, Success> SUCCESS =
      Map.ofEntries(
          Map.entry("GET /api/jobs", ok(200, "id", "title", "createdAt", "submissionCounts")),
          Map.entry("POST /api/jobs", ok(201, "id", "title", "collaborators")),
          Map.entry(
              "GET /api/jobs/{jobId}", ok(200, "id", "title", "description", "collaborators")),
          Map.entry("PATCH /api/jobs/{jobId}", ok(200, "id", "title", "location")),
          Map.entry(
              "GET /api/jobs/{jobId}/activity",
              ok(200, "at", "type", "actor", "clientVisible", "detail")),
          Map.entry(
              "GET /api/jobs/{jobId}/collaborators",
              ok(
                  200,
                  "id",
                  "email",
                  "name",
                  "status",
                  "invitedAt",
                  "lastLinkSentAt",
                  "lastSeenAt",
                  "linkStatus")),
          Map.entry(
              "POST /api/jobs/{jobId}/collaborators", ok(201, "id", "email", "name", "status")),
          Map.entry(
              "PATCH /api/jobs/{jobId}/collaborators/{collaboratorId}",
              ok(200, "id", "email", "name", "status", "linkStatus")),
          Map.entry("DELETE /api/jobs/{jobId}/collaborators/{collaboratorId}", ok(204)),
          Map.entry("POST /api/jobs/{jobId}/collaborators/{collaboratorId}/access-link", ok(202)),
          Map.entry(
              "POST /api/jobs/{jobId}/collaborators/{collaboratorId}/address-confirmation",
              ok(204)),
          Map.entry("POST /api/jobs/{jobId}/submissions", ok(201, "id", "workflowId", "status")),
          Map.entry(
              "POST /api/jobs/{jobId}/submissions/bulk",
              ok(201, "candidateId", "id", "workflowId", "status")),
          Map.entry("GET /api/jobs/{jobId}/deal", ok(200, "id", "jobId", "name", "stage")),
          Map.entry("PUT /api/jobs/{jobId}/deal", ok(200, "id", "jobId", "name", "stage")),
          Map.entry("GET /api/candidates", ok(200, "total", "limit", "offset", "candidates")),
          Map.entry("POST /api/candidates", ok(201, "id", "name", "skills", "internalNotes")),
          Map.entry("POST /api/candidates/import", ok(201, "imported", "candidates")),
          Map.entry(
              "GET /api/candidates/{candidateId}",
              ok(200, "id", "name", "email", "phone", "internalNotes", "attachments")),
          Map.entry("PATCH /api/candidates/{candidateId}", ok(200, "id", "name", "title")),
          Map.entry(
              "GET /api/candidates/{candidateId}/attachments",
              ok(
                  200,
                  "id",
                  "kind",
                  "version",
                  "filename",
                  "contentType",
                  "size",
                  "public",
                  "createdAt")),
          Map.entry(
              "POST /api/candidates/{candidateId}/attachments",
              ok(201, "id", "version", "filename", "contentType", "size", "public")),
          Map.entry(
              "PATCH /api/candidates/{candidateId}/attachments/{attachmentId}",
              ok(200, "id", "public")),
          Map.entry(
              "GET /api/candidates/{candidateId}/notes", ok(200, "id", "at", "author", "body")),
          Map.entry(
              "POST /api/candidates/{candidateId}/notes", ok(201, "id", "at", "author", "body")),
          Map.entry("GET /api/submissions", ok(200, "id", "jobId", "candidateId", "status")),
          Map.entry(
              "GET /api/submissions/{submissionId}",
              ok(
                  200,
                  "id",
                  "jobId",
                  "candidateId",
                  "status",
                  "stage",
                  "decision",
                  "remindersSent",
                  "nextReminderAt",
                  "timeline",
                  "emails")),
          Map.entry("POST /api/submissions/{submissionId}/resend", ok(202)),
          Map.entry("POST /api/submissions/{submissionId}/withdraw", ok(202)),
          Map.entry(
              "POST /api/submissions/{submissionId}/comments",
              ok(201, "id", "at", "author", "body")),
          Map.entry("POST /api/automation-rules", ok(201, "id", "name", "trigger", "actions")),
          Map.entry("GET /api/automation-rules", ok(200, "id", "name", "trigger")),
          Map.entry("GET /api/automation-rules/{ruleId}", ok(200, "id", "name", "trigger")),
          Map.entry("DELETE /api/automation-rules/{ruleId}", ok(204)),
          Map.entry("POST /api/automation-rules/{ruleId}/pause", ok(200)),
          Map.entry("POST /api/automation-rules/{ruleId}/resume", ok(200)),
          Map.entry("GET /api/automation-rules/{ruleId}/runs", ok(200)),
          Map.entry("GET /api/tasks", ok(200)),
          Map.entry("POST /api/tasks/{taskId}/done", ok(204)),
          Map.entry("GET /api/notifications", ok(200)),
          Map.entry("POST /api/notifications/read", ok(200, "marked")),
          Map.entry("GET /api/workspace", ok(200)),
          Map.entry("PATCH /api/workspace", ok(200)),
          Map.entry("PUT /api/workspace/logo", ok(200, "brand")),
          Map.entry("DELETE /api/workspace/logo", ok(204)),
          Map.entry("GET /api/recruiters", ok(200, "id", "name", "email", "role")),
          Map.entry("POST /api/recruiters", ok(201)),
          Map.entry("GET /api/tokens", ok(200)),
          Map.entry("POST /api/tokens", ok(201, "id", "name", "token")),
          Map.entry("DELETE /api/tokens/{tokenId}", ok(204)),
          Map.entry("GET /api/workspace/guests", ok(200, "id", "email", "clientCompany", "jobs")),
          Map.entry(
              "POST /api/workspace/guests",
              ok(201, "id", "email", "name", "clientCompany", "jobs")),
          Map.entry("DELETE /api/workspace/guests/{guestId}", ok(204)));

  /**
   * Input each route refuses (a query for GETs, a body otherwise), the status and the field the
   * problem names. Routes that take no input but path IDs are covered by the path-ID test; those
   * that take none at all ({@code GET /api/jobs}, {@code GET /api/notifications}, {@code GET
   * /api/workspace}) cannot fail validation.
   */
  record Invalid(String query, String body, int status, String field) {}

  static final Map<String, Invalid> INVALID =
      Map.ofEntries(
          Map.entry("POST /api/jobs", new Invalid("", "{\"title\":\" \"}", 422, "title")),
          Map.entry("PATCH /api/jobs/{jobId}", new Invalid("", "{\"title\":\" \"}", 422, "title")),
          Map.entry(
              "POST /api/jobs/{jobId}/collaborators",
              new Invalid("", "{\"email\":\"nope\"}", 422, "email")),
          Map.entry(
              "PATCH /api/jobs/{jobId}/collaborators/{collaboratorId}",
              new Invalid("", "{\"email\":\"nope\"}", 422, "email")),
          Map.entry(
              "POST /api/jobs/{jobId}/submissions",
              new Invalid("", "{\"candidateId\":\"\"}", 422, "candidateId")),
          Map.entry(
              "POST /api/jobs/{jobId}/submissions/bulk",
              new Invalid("", "{\"candidateIds\":[]}", 422, "candidateIds")),
          Map.entry("PUT /api/jobs/{jobId}/deal", new Invalid("", "{}", 422, "name")),
          Map.entry("GET /api/candidates", new Invalid("?limit=0", null, 400, "limit")),
          Map.entry("POST /api/candidates", new Invalid("", "{\"name\":\"\"}", 422, "name")),
          Map.entry(
              "PATCH /api/candidates/{candidateId}",
              new Invalid("", "{\"email\":\"nope\"}", 422, "email")),
          Map.entry(
              "PATCH /api/candidates/{candidateId}/attachments/{attachmentId}",
              new Invalid("", "{}", 422, "isPublic")),
          Map.entry(
              "POST /api/candidates/{candidateId}/notes",
              new Invalid("", "{\"body\":\"\"}", 422, "body")),
          Map.entry("GET /api/submissions", new Invalid("?jobId=no!such", null, 400, "jobId")),
          Map.entry(
              "POST /api/submissions/{submissionId}/resend",
              new Invalid("", "{\"attachmentIds\":[\"\"]}", 422, "attachmentIds[0]")),
          Map.entry(
              "POST /api/submissions/{submissionId}/comments",
              new Invalid("", "{\"body\":\"\"}", 422, "body")),
          Map.entry("POST /api/notifications/read", new Invalid("", "{}", 422, "ids")),
          Map.entry(
              "POST /api/workspace/guests",
              new Invalid("", "{\"email\":\"nope\",\"clientCompany\":\"Co\"}", 422, "email")),
          Map.entry(
              "PUT /api/workspace/logo",
              new Invalid("", "<svg onload=alert(1)></svg>", 422, "file")),
          Map.entry(
              "PATCH /api/workspace",
              new Invalid(
                  "",
                  "{\"reminderSchedule\":\"%s\"}".formatted("x".repeat(201)),
                  422,
                  "reminderSchedule")));

  static Success ok(int status, String... fields) {
    return new Success(status, List.of(fields));
  }

  @Autowired ApplicationContext app;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping routes;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  @Test
  void everyRecruiterRouteIsInTheTable() {
    Set<String> mapped = new TreeSet<>();
    for (RequestMappingInfo info : routes.getHandlerMethods().keySet()) {
      for (String path : info.getPatternValues()) {
        if (path.startsWith("/api/")
            && !path.startsWith("/api/portal/")
            && !path.startsWith("/api/rex/")) {
          info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + path));
        }
      }
    }
    assertThat(ROUTES.stream().map(Route::key).toList())
        .as("recruiter routes; add a new one to ROUTES")
        .containsExactlyInAnyOrderElementsOf(mapped);
  }

  @Test
  void everyRouteSucceedsWithTheContractsFields() {
    assertThat(SUCCESS.keySet())
        .containsExactlyInAnyOrderElementsOf(ROUTES.stream().map(Route::key).toList());
    for (Route route : ROUTES) {
      Map<String, String> ids = seed(); // a fresh world each: some routes remove what others need
      HttpResponse<String> answer =
          route.path().endsWith("/import")
              ? importCsv("name\nLee Imported\n")
              : send(api, route, ids);
      Success expected = SUCCESS.get(route.key());
      assertThat(answer.statusCode())
          .as(route.key() + ": " + answer.body())
          .isEqualTo(expected.status());
      if (expected.fields().isEmpty()) {
        continue;
      }
      JsonNode body = json(answer);
      JsonNode object = body.isArray() ? body.get(0) : body;
      assertThat(object).as(route.key() + " answers something: " + body).isNotNull();
      for (String field : expected.fields()) {
        assertThat(object.has(field)).as(route.key() + " has " + field + ": " + object).isTrue();
      }
    }
  }

  @Test
  void badInputAnswersAProblemNamingTheFieldAndWritesNothing() {
    Map<String, String> ids = seed();
    for (Route route : ROUTES) {
      Invalid invalid = INVALID.get(route.key());
      if (invalid == null) {
        continue;
      }
      long before = writes();
      HttpResponse<String> answer =
          send(api, new Route(route.method(), route.path() + invalid.query(), invalid.body()), ids);
      assertThat(answer.statusCode())
          .as(route.key() + ": " + answer.body())
          .isEqualTo(invalid.status());
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .contains("application/problem+json");
      assertThat(json(answer).get("errors").findValuesAsText("field"))
          .as(route.key())
          .contains(invalid.field());
      assertThat(writes()).as(route.key() + " wrote nothing").isEqualTo(before);
    }
    HttpResponse<String> badCsv = importCsv("name,email\nLee,nope\n");
    assertThat(badCsv.statusCode()).isEqualTo(422);
    assertThat(json(badCsv).get("errors").findValuesAsText("field")).contains("row 2: email");
  }

  /** Rows in the tables the recruiter API writes. */
  private long writes() {
    return jdbc.sql(
            """
            select (select count(*) from job) + (select count(*) from candidate)
                 + (select count(*) from collaborator) + (select count(*) from submission)
                 + (select count(*) from candidate_note)
            """)
        .query(Long.class)
        .single();
  }

  private HttpResponse<String> importCsv(String csv) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(origin + "/api/candidates/import"))
                  .header("Authorization", "Bearer " + TestRuntime.RECRUITER_TOKEN)
                  .header("Content-Type", "text/csv")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void withoutATokenEveryRouteAnswers401() {
    RecruiterApi nobody = new RecruiterApi(origin, "not-a-token");
    for (Route route : ROUTES) {
      HttpResponse<String> answer = send(nobody, route, ids("x"));
      assertThat(answer.statusCode()).as(route.key()).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate"))
          .as(route.key())
          .hasValue("Bearer");
    }
  }

  @Test
  void anotherWorkspacesObjectsAnswer404AndLeakNothing() {
    Map<String, String> ours = seed();
    String otherToken = "other-" + UUID.randomUUID();
    OtherWorkspaces.create(app, "Other agency", otherToken);
    RecruiterApi stranger = new RecruiterApi(origin, otherToken);
    for (Route route : ROUTES) {
      if (!route.path().contains("{")) {
        continue;
      }
      HttpResponse<String> answer = send(stranger, route, ours);
      assertThat(answer.statusCode()).as(route.key()).isEqualTo(404);
      assertThat(answer.body()).as(route.key()).doesNotContain("Contract role", "Lee Contract");
    }
    // Nothing of ours was changed or removed by the stranger.
    assertThat(
            json(api.get("/api/jobs/" + ours.get("jobId")))
                .get("collaborators")
                .get(0)
                .get("status")
                .asText())
        .isEqualTo("ACTIVE");
  }

  @Test
  void anIdNoIdCanBeAnswers400NamingThePathVariable() {
    String bad = "x".repeat(65);
    for (Route route : ROUTES) {
      if (!route.path().contains("{")) {
        continue;
      }
      HttpResponse<String> answer = send(api, route, ids(bad));
      assertThat(answer.statusCode()).as(route.key() + ": " + answer.body()).isEqualTo(400);
      assertThat(json(answer).get("errors").findValuesAsText("field"))
          .as(route.key())
          .isNotEmpty()
          .allSatisfy(f -> assertThat(route.path()).contains("{" + f + "}"));
    }
  }

  @Test
  void theNewReadsCarryTheirContractFields() {
    Map<String, String> ids = seed();
    JsonNode jobs = json(api.get("/api/jobs"));
    JsonNode job = null;
    for (JsonNode j : jobs) {
      if (j.get("id").asText().equals(ids.get("jobId"))) {
        job = j;
      }
    }
    assertThat(job).isNotNull();
    assertThat(
            job.get("submissionCounts").get("SENDING").asInt()
                + job.get("submissionCounts").path("AWAITING_FEEDBACK").asInt())
        .isEqualTo(1);
    JsonNode collaborator =
        json(api.get("/api/jobs/" + ids.get("jobId") + "/collaborators")).get(0);
    for (String field :
        List.of(
            "id",
            "email",
            "name",
            "status",
            "invitedAt",
            "lastLinkSentAt",
            "lastSeenAt",
            "linkStatus")) {
      assertThat(collaborator.has(field)).as(field).isTrue();
    }
    assertThat(
            json(api.get("/api/jobs/" + ids.get("jobId")))
                .get("collaborators")
                .get(0)
                .has("linkStatus"))
        .isTrue();
    JsonNode files = json(api.get("/api/candidates/" + ids.get("candidateId") + "/attachments"));
    assertThat(files.get(0).get("public").asBoolean()).isTrue();
    assertThat(files.get(0).has("createdAt")).isTrue();
    HttpResponse<String> note =
        api.post("/api/candidates/" + ids.get("candidateId") + "/notes", "{\"body\":\"Strong\"}");
    assertThat(note.statusCode()).isEqualTo(201);
    assertThat(json(note).get("author").asText()).isNotBlank();
    assertThat(
            json(api.get("/api/candidates/" + ids.get("candidateId") + "/notes"))
                .get(0)
                .get("body")
                .asText())
        .isEqualTo("Strong");
  }

  @Test
  void aNewEmailEndsTheCollaboratorsAccessAndAnswersTheNewRecord() {
    Map<String, String> ids = seed();
    String path = "/api/jobs/" + ids.get("jobId") + "/collaborators/" + ids.get("collaboratorId");
    assertThat(api.patch(path, "{\"email\":\"not-an-address\"}").statusCode()).isEqualTo(422);
    HttpResponse<String> moved = api.patch(path, "{\"email\":\"moved@client.test\"}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(json(moved).get("email").asText()).isEqualTo("moved@client.test");
    JsonNode all = json(api.get("/api/jobs/" + ids.get("jobId") + "/collaborators"));
    for (JsonNode c : all) {
      if (c.get("id").asText().equals(ids.get("collaboratorId"))) {
        assertThat(c.get("status").asText()).isEqualTo("REMOVED");
        assertThat(c.get("linkStatus").asText()).isEqualTo("REVOKED");
      }
    }
  }

  /** A job with a collaborator, a candidate with a public resume, a submission. */
  private Map<String, String> seed() {
    String jobId = api.create("/api/jobs", JOB);
    String collaboratorId =
        api.create(
            "/api/jobs/" + jobId + "/collaborators",
            "{\"email\":%s}".formatted(quote("c-" + UUID.randomUUID() + "@client.test")));
    String candidateId = api.create("/api/candidates", "{\"name\":\"Lee Contract\"}");
    String attachmentId =
        json(api.upload(candidateId, "cv.pdf", "%PDF-1.4 cv".getBytes(), "RESUME", true))
            .get("id")
            .asText();
    String submissionId =
        api.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"attachmentIds\":[%s]}"
                .formatted(quote(candidateId), quote(attachmentId)));
    api.create("/api/candidates/" + candidateId + "/notes", "{\"body\":\"Internal\"}");
    assertThat(api.put("/api/jobs/" + jobId + "/deal", "{\"name\":\"Deal\"}").statusCode())
        .isEqualTo(200);
    String freeCandidateId = api.create("/api/candidates", "{\"name\":\"Free Contract\"}");
    // Tasks come only from automation rules: one is given to the caller directly.
    String taskId = "t-" + UUID.randomUUID();
    jdbc.sql(
            """
            insert into recruiter_task
              (id, workspace_id, recruiter_id, job_id, title, idempotency_key, created_at)
            select ?, workspace_id, id, ?, 'Call the client', ?, created_at from recruiter
            where email = ?
            """)
        .params(taskId, jobId, taskId, TestRuntime.RECRUITER_EMAIL)
        .update();
    String ruleId =
        api.create(
            "/api/automation-rules",
            "{\"name\":\"Contract rule\",\"trigger\":\"APPROVED\",\"actions\":[{\"type\":\"CREATE_TASK\",\"title\":\"Follow up\"}]}");
    String tokenId = api.create("/api/tokens", "{\"name\":\"Contract\"}");
    String guestId =
        api.create(
            "/api/workspace/guests",
            "{\"email\":%s,\"clientCompany\":\"Contract Co\"}"
                .formatted(quote("g-" + UUID.randomUUID() + "@client.test")));
    return Map.ofEntries(
        Map.entry("freeCandidateId", freeCandidateId),
        Map.entry("jobId", jobId),
        Map.entry("collaboratorId", collaboratorId),
        Map.entry("candidateId", candidateId),
        Map.entry("attachmentId", attachmentId),
        Map.entry("submissionId", submissionId),
        Map.entry("tokenId", tokenId),
        Map.entry("guestId", guestId),
        Map.entry("taskId", taskId),
        Map.entry("ruleId", ruleId),
        Map.entry("freshEmail", "fresh-" + UUID.randomUUID() + "@client.test"));
  }

  private static Map<String, String> ids(String id) {
    return Map.ofEntries(
        Map.entry("jobId", id),
        Map.entry("collaboratorId", id),
        Map.entry("candidateId", id),
        Map.entry("attachmentId", id),
        Map.entry("submissionId", id),
        Map.entry("tokenId", id),
        Map.entry("guestId", id),
        Map.entry("taskId", id),
        Map.entry("ruleId", id),
        Map.entry("freshEmail", "fresh@client.test"));
  }

  private static HttpResponse<String> send(RecruiterApi as, Route route, Map<String, String> ids) {
    String path = route.path();
    String body = route.body() == null ? "{}" : route.body();
    for (var id : ids.entrySet()) {
      path = path.replace("{" + id.getKey() + "}", id.getValue());
      body = body.replace("{" + id.getKey() + "}", id.getValue());
    }
    if (route.path().endsWith("/logo") && route.method().equals("PUT")) {
      return as.putFile(
          path,
          "file",
          "logo.png",
          route.body() == null
              ? TestFiles.png()
              : route.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (route.path().endsWith("/attachments") && route.method().equals("POST")) {
      String candidateId = ids.get("candidateId");
      return as.upload(candidateId, "cv.pdf", "%PDF-1.4".getBytes(), "RESUME", true);
    }
    return switch (route.method()) {
      case "GET" -> as.get(path);
      case "POST" -> route.body() == null ? as.post(path, "") : as.post(path, body);
      case "DELETE" -> as.delete(path);
      case "PATCH" -> as.patch(path, body);
      case "PUT" -> as.put(path, body);
      default -> as.post(path, body);
    };
  }
}
