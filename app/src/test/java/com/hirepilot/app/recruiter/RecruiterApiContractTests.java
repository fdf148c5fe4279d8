package com.hirepilot.app.recruiter;

import static com.hirepilot.app.support.RecruiterApi.json;
import static com.hirepilot.app.support.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.support.RecruiterApi;
import com.hirepilot.app.support.TestRuntime;
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
          new Route("POST", "/api/jobs/{jobId}/submissions", "{\"candidateId\":\"{candidateId}\"}"),
          new Route(
              "POST",
              "/api/jobs/{jobId}/submissions/bulk",
              "{\"candidateIds\":[\"{candidateId}\"]}"),
          new Route("GET", "/api/jobs/{jobId}/deal", null),
          new Route("PUT", "/api/jobs/{jobId}/deal", "{}"),
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
          new Route("GET", "/api/notifications", null),
          new Route("POST", "/api/notifications/read", "{}"),
          new Route("GET", "/api/workspace", null),
          new Route("PATCH", "/api/workspace", "{}"));

  @Autowired ApplicationContext app;

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
    return Map.of(
        "jobId", jobId,
        "collaboratorId", collaboratorId,
        "candidateId", candidateId,
        "attachmentId", attachmentId,
        "submissionId", submissionId);
  }

  private static Map<String, String> ids(String id) {
    return Map.of(
        "jobId",
        id,
        "collaboratorId",
        id,
        "candidateId",
        id,
        "attachmentId",
        id,
        "submissionId",
        id);
  }

  private static HttpResponse<String> send(RecruiterApi as, Route route, Map<String, String> ids) {
    String path = route.path();
    String body = route.body() == null ? "{}" : route.body();
    for (var id : ids.entrySet()) {
      path = path.replace("{" + id.getKey() + "}", id.getValue());
      body = body.replace("{" + id.getKey() + "}", id.getValue());
    }
    if (route.path().endsWith("/attachments") && route.method().equals("POST")) {
      String candidateId = ids.get("candidateId");
      return as.upload(candidateId, "cv.pdf", "%PDF-1.4".getBytes(), "RESUME", true);
    }
    return switch (route.method()) {
      case "GET" -> as.get(path);
      case "DELETE" -> as.delete(path);
      case "PATCH" -> as.patch(path, body);
      case "PUT" -> as.put(path, body);
      default -> as.post(path, body);
    };
  }
}
