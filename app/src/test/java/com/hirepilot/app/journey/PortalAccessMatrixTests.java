package com.hirepilot.app.journey;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.EventStreamReader;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The portal's authorization matrix (security.md 18 and 19), route by route: collaborator A (job 1)
 * and B (job 2); for every portal route and every kind of ID in it, B gets 404 for job 1's objects,
 * nobody gets in without a session, and A's own answers never carry the internal marker strings.
 *
 * <p>The matrix is checked against the app's own route table: a new portal route fails {@link
 * #everyPortalRouteIsInTheMatrix} until it is added here, with the kind of object it names.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class PortalAccessMatrixTests extends Journey {

  /** What a route's path names, which decides what "another job's object" is for it. */
  enum Names {
    /** Nothing: it answers with the caller's own things only. */
    NOTHING,
    JOB,
    SUBMISSION,
    ATTACHMENT,
    /** A REX action proposed to someone. */
    ACTION,
    /** Open before sign-in by design: the magic link's pages and the session's sign-in. */
    PUBLIC
  }

  record Route(String method, String path, Names names) {
    String key() {
      return method + " " + path;
    }

    boolean isApi() {
      return path.startsWith("/api/");
    }
  }

  static final List<Route> MATRIX =
      List.of(
          new Route("GET", "/portal", Names.NOTHING),
          new Route("GET", "/portal/jobs/{jobId}", Names.JOB),
          new Route("GET", "/portal/submissions/{submissionId}", Names.SUBMISSION),
          new Route("POST", "/portal/submissions/{submissionId}/decision", Names.SUBMISSION),
          new Route("POST", "/portal/submissions/{submissionId}/comments", Names.SUBMISSION),
          new Route("GET", "/portal/help", Names.NOTHING),
          new Route("POST", "/portal/help", Names.NOTHING),
          new Route("POST", "/portal/help/actions/{actionId}/confirm", Names.ACTION),
          new Route("GET", "/portal/login", Names.PUBLIC),
          new Route("GET", "/portal/access", Names.PUBLIC),
          new Route("POST", "/portal/access/renew", Names.PUBLIC),
          new Route("POST", "/api/portal/session", Names.PUBLIC),
          new Route("GET", "/api/portal/session", Names.NOTHING),
          new Route("DELETE", "/api/portal/session", Names.NOTHING),
          new Route("GET", "/api/portal/jobs", Names.NOTHING),
          new Route("GET", "/api/portal/jobs/{jobId}", Names.JOB),
          new Route("GET", "/api/portal/jobs/{jobId}/submissions", Names.JOB),
          new Route("GET", "/api/portal/jobs/{jobId}/activity", Names.JOB),
          new Route("GET", "/api/portal/jobs/{jobId}/events", Names.JOB),
          new Route("GET", "/api/portal/submissions/{submissionId}", Names.SUBMISSION),
          new Route("POST", "/api/portal/submissions/{submissionId}/decision", Names.SUBMISSION),
          new Route("POST", "/api/portal/submissions/{submissionId}/comments", Names.SUBMISSION),
          new Route("GET", "/api/portal/attachments/{attachmentId}", Names.ATTACHMENT));

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping routes;

  @Override
  TestRuntime runtime() {
    return TestRuntime.h2();
  }

  @Test
  void everyPortalRouteIsInTheMatrix() {
    Set<String> mapped = new TreeSet<>();
    for (RequestMappingInfo info : routes.getHandlerMethods().keySet()) {
      for (String path : info.getPatternValues()) {
        if (path.equals("/portal")
            || path.startsWith("/portal/")
            || path.startsWith("/api/portal")) {
          var methods = info.getMethodsCondition().getMethods();
          assertThat(methods).as(path + " names its HTTP methods").isNotEmpty();
          methods.forEach(m -> mapped.add(m.name() + " " + path));
        }
      }
    }
    assertThat(mapped)
        .as("portal routes; add a new one to MATRIX with the kind of object it names")
        .containsExactlyInAnyOrderElementsOf(MATRIX.stream().map(Route::key).toList());
  }

  @Test
  void aClientOfAnotherJobGetsNotFoundForEveryObjectOfTheFirst() {
    Setup first = submitCandidate("M" + UUID.randomUUID());
    Setup second = submitCandidate("M" + UUID.randomUUID());
    Browser a = signInFromEmail(first.clientEmail());
    Browser b = signInFromEmail(second.clientEmail());
    Map<Names, List<String>> firstIds =
        Map.of(
            Names.JOB, List.of(first.jobId()),
            Names.SUBMISSION, List.of(first.submissionId()),
            Names.ATTACHMENT, List.of(publicFileOf(first), first.privateAttachmentId()),
            Names.ACTION, List.of(actionProposedTo(a)));
    String page = b.get("/portal").body();
    for (Route route : MATRIX) {
      if (route.names() == Names.NOTHING || route.names() == Names.PUBLIC) {
        continue;
      }
      for (String id : firstIds.get(route.names())) {
        String path = route.path().replaceAll("\\{[^}]+}", id);
        int status =
            route.path().endsWith("/events")
                ? EventStreamReader.read(
                        runtime().origin() + path,
                        b.cookie("JSESSIONID"),
                        null,
                        Duration.ofSeconds(2))
                    .status()
                : send(b, route.method(), path, page).statusCode();
        assertThat(status).as(route.key() + " with job 1's " + id).isEqualTo(404);
      }
    }
    // What names nothing shows B only their own job.
    assertThat(json(b.get("/api/portal/jobs")).findValuesAsText("id"))
        .containsExactly(second.jobId());
    assertThat(b.get("/portal").body()).doesNotContain(first.jobId());
    // Nothing B sent changed A's candidate.
    assertThat(
            json(recruiter().get("/api/submissions/" + first.submissionId()))
                .get("status")
                .asText())
        .isIn("SENDING", "AWAITING_FEEDBACK");
    assertThat(json(a.get("/api/portal/submissions/" + first.submissionId())).get("thread"))
        .hasSize(1);
  }

  @Test
  void withoutASessionNoPortalRouteAnswers() {
    Setup setup = submitCandidate("M" + UUID.randomUUID());
    Browser stranger = new Browser(runtime().origin());
    String page = stranger.get("/portal/access").body();
    Map<Names, String> ids =
        Map.of(
            Names.NOTHING, "",
            Names.JOB, setup.jobId(),
            Names.SUBMISSION, setup.submissionId(),
            Names.ATTACHMENT, publicFileOf(setup),
            Names.ACTION, UUID.randomUUID().toString());
    for (Route route : MATRIX) {
      if (route.names() == Names.PUBLIC) {
        continue;
      }
      String path = route.path().replaceAll("\\{[^}]+}", ids.get(route.names()));
      HttpResponse<String> answer =
          route.path().endsWith("/events") ? null : send(stranger, route.method(), path, page);
      if (answer == null) {
        assertThat(
                EventStreamReader.read(runtime().origin() + path, null, null, Duration.ofSeconds(2))
                    .status())
            .as(route.key())
            .isEqualTo(401);
      } else if (route.isApi()) {
        assertThat(answer.statusCode()).as(route.key()).isEqualTo(401);
      } else {
        assertThat(answer.statusCode()).as(route.key()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse(""))
            .as(route.key())
            .contains("/portal/access");
      }
    }
  }

  @Test
  void internalMarkersNeverReachTheClientOnAnyPortalRoute() {
    String markers = "MARK" + UUID.randomUUID().toString().replace("-", "");
    Setup setup = submitCandidate(markers);
    // The markers are really there for the recruiter, so their absence below means something.
    assertThat(recruiter().get("/api/candidates/" + setup.candidateId()).body())
        .contains(
            markers + "-EMAIL", markers + "-PHONE", markers + "-NOTES", markers + "-PRIVATEFILE");
    assertThat(recruiter().get("/api/candidates/" + setup.candidateId() + "/notes").body())
        .contains(markers + "-RECRUITERNOTE");
    List<String> links = TestMail.portalLinks(submissionEmailTo(setup.clientEmail()));
    List<String> seen = new ArrayList<>();
    Browser client = new Browser(runtime().origin());
    seen.add(client.get(links.get(0)).body());
    client = signInFromEmail(setup.clientEmail());
    String page = client.get("/portal").body();
    Map<Names, String> ids =
        Map.of(
            Names.NOTHING, "",
            Names.PUBLIC, "",
            Names.JOB, setup.jobId(),
            Names.SUBMISSION, setup.submissionId(),
            Names.ATTACHMENT, setup.privateAttachmentId(),
            Names.ACTION, actionProposedTo(client));
    for (Route route : MATRIX) {
      if (route.key().equals("DELETE /api/portal/session")
          || route.key().equals("POST /api/portal/session")
          || route.key().equals("POST /portal/access/renew")) {
        continue; // signing out or in again; their answers carry no data
      }
      String path = route.path().replaceAll("\\{[^}]+}", ids.get(route.names()));
      if (route.path().endsWith("/events")) {
        EventStreamReader.Read stream =
            EventStreamReader.read(
                runtime().origin() + path,
                client.cookie("JSESSIONID"),
                null,
                Duration.ofSeconds(2));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.text()).contains("event:activity").contains("was submitted");
        seen.add(stream.text());
        continue;
      }
      HttpResponse<String> answer = send(client, route.method(), path, page);
      seen.add(answer.body());
      if (answer.statusCode() == 302) {
        seen.add(client.get(answer.headers().firstValue("Location").orElseThrow()).body());
      }
    }
    // The public file, and errors for things that are not there.
    seen.add(client.get("/api/portal/attachments/" + publicFileOf(setup)).body());
    seen.add(client.get("/api/portal/jobs/unknown").body());
    seen.add(client.get("/portal/submissions/" + setup.privateAttachmentId()).body());
    for (String body : seen) {
      assertThat(body).doesNotContain(markers);
    }
  }

  /** Sends what the route expects: forms with the page's CSRF field, JSON with the header. */
  private static HttpResponse<String> send(Browser as, String method, String path, String page) {
    boolean api = path.startsWith("/api/");
    return switch (method) {
      case "GET" -> api ? as.get(path) : as.getPage(path);
      case "DELETE" -> as.delete(path);
      case "POST" -> {
        if (api) {
          yield as.postJson(
              path,
              path.endsWith("/decision")
                  ? "{\"decision\":\"REQUEST_INTERVIEW\",\"availability\":\"Tuesday\"}"
                  : "{\"body\":\"A question\",\"message\":\"A question\",\"token\":\"x\"}");
        }
        yield as.postForm(
            path,
            Map.of(
                "_csrf",
                Browser.csrfField(page),
                "decision",
                "REQUEST_INTERVIEW",
                "availability",
                "Tuesday",
                "body",
                "A question",
                "message",
                "Who is my recruiter?"));
      }
      default -> throw new IllegalArgumentException(method);
    };
  }

  /** The submission's public file: the one its client may download. */
  private String publicFileOf(Setup setup) {
    JsonNode submission = json(recruiter().get("/api/submissions/" + setup.submissionId()));
    for (JsonNode id : submission.get("attachmentIds")) {
      if (!id.asText().equals(setup.privateAttachmentId())) {
        return id.asText();
      }
    }
    throw new AssertionError("The submission shows no public file: " + submission);
  }

  /** An action REX proposed to this client: a fresh sign-in link for them. */
  private static String actionProposedTo(Browser client) {
    HttpResponse<String> answer =
        client.postJson(
            "/api/rex/chat", "{\"message\":\"Could you please send me a new sign-in link?\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode actions = json(answer).get("proposedActions");
    assertThat(actions).as(answer.body()).isNotEmpty();
    return actions.get(0).get("id").asText();
  }
}
