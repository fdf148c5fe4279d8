package com.hirepilot.app.system;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * security.md line 26 on every endpoint that takes free text: NUL, U+202E, U+2066 and a lone
 * surrogate each get a 422 that names the field, and nothing is written.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextHygieneTests {

  /** JSON escapes, as a client would send them: the lone surrogate only exists this way. */
  static final List<String> BAD = List.of("\\u0000", "\\u202e", "\\u2066", "\\ud800");

  @Autowired JdbcClient jdbc;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi recruiter = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);
  String jobId;
  String candidateId;
  String submissionId;
  Browser client;

  /** One endpoint and field: how to send a bad value there, and the field its 422 names. */
  record Case(String name, String field, Function<String, HttpResponse<String>> send) {
    @Override
    public String toString() {
      return name;
    }
  }

  String value(String bad) {
    return "\"before" + bad + "after\"";
  }

  /** Creates an object with the bad value in the field, and the required field filled in. */
  Function<String, HttpResponse<String>> creating(String path, String required, String field) {
    return bad ->
        recruiter.post(
            path,
            field.equals(required)
                ? "{\"" + field + "\":" + value(bad) + "}"
                : "{\"" + required + "\":\"Ok\",\"" + field + "\":" + value(bad) + "}");
  }

  List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String field :
        List.of("title", "description", "requirements", "location", "clientCompany")) {
      cases.add(new Case("job " + field, field, creating("/api/jobs", "title", field)));
    }
    for (String field :
        List.of("name", "title", "currentCompany", "summary", "phone", "internalNotes")) {
      cases.add(new Case("candidate " + field, field, creating("/api/candidates", "name", field)));
    }
    cases.add(
        new Case(
            "candidate skills",
            "skills[1]",
            bad ->
                recruiter.post(
                    "/api/candidates",
                    "{\"name\":\"Ok\",\"skills\":[\"SQL\"," + value(bad) + "]}")));
    cases.add(
        new Case(
            "collaborator name",
            "name",
            bad ->
                recruiter.post(
                    "/api/jobs/" + jobId + "/collaborators",
                    "{\"email\":\"new-"
                        + UUID.randomUUID()
                        + "@client.test\",\"name\":"
                        + value(bad)
                        + "}")));
    cases.add(
        new Case(
            "deal name",
            "name",
            bad -> recruiter.put("/api/jobs/" + jobId + "/deal", "{\"name\":" + value(bad) + "}")));
    cases.add(
        new Case(
            "submission message",
            "message",
            bad ->
                recruiter.post(
                    "/api/jobs/" + jobId + "/submissions",
                    "{\"candidateId\":"
                        + quote(candidateId)
                        + ",\"message\":"
                        + value(bad)
                        + "}")));
    cases.add(
        new Case(
            "resend message",
            "message",
            bad ->
                recruiter.post(
                    "/api/submissions/" + submissionId + "/resend",
                    "{\"message\":" + value(bad) + "}")));
    cases.add(
        new Case(
            "client comment",
            "body",
            bad ->
                client.postJson(
                    "/api/portal/submissions/" + submissionId + "/comments",
                    "{\"body\":" + value(bad) + "}")));
    cases.add(
        new Case(
            "rejection reason",
            "reason",
            bad ->
                client.postJson(
                    "/api/portal/submissions/" + submissionId + "/decision",
                    "{\"decision\":\"REJECT\",\"reason\":" + value(bad) + "}")));
    cases.add(
        new Case(
            "interview availability",
            "availability",
            bad ->
                client.postJson(
                    "/api/portal/submissions/" + submissionId + "/decision",
                    "{\"decision\":\"REQUEST_INTERVIEW\",\"availability\":" + value(bad) + "}")));
    return cases;
  }

  Stream<Arguments> everyFieldWithEveryBadCharacter() {
    setUp();
    return cases().stream().flatMap(c -> BAD.stream().map(bad -> Arguments.of(c, bad)));
  }

  synchronized void setUp() {
    if (jobId != null) {
      return;
    }
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String clientEmail = "hy-" + unique + "@client.test";
    jobId = recruiter.create("/api/jobs", "{\"title\":\"Hygiene " + unique + "\"}");
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(clientEmail)));
    candidateId = recruiter.create("/api/candidates", "{\"name\":\"Noa " + unique + "\"}");
    submissionId =
        recruiter.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s}".formatted(quote(candidateId)));
    String link =
        TestMail.portalLinks(TestMail.awaitMessage(clientEmail, s -> s.contains("Noa " + unique)))
            .get(0);
    client = new Browser(origin);
    assertThat(client.signInWith(link)).isEqualTo(200);
  }

  /** What a refused request must leave as it was. */
  Map<String, Object> written() {
    return jdbc.sql(
            """
            select (select count(*) from job) as jobs,
                   (select count(*) from candidate) as candidates,
                   (select count(*) from collaborator) as collaborators,
                   (select count(*) from submission) as submissions,
                   (select count(*) from submission_comment) as comments,
                   (select count(*) from deal) as deals,
                   (select email_round from submission where id = ?) as round,
                   (select status from submission where id = ?) as status
            """)
        .params(submissionId, submissionId)
        .query()
        .singleRow();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("everyFieldWithEveryBadCharacter")
  void isRefusedNamingTheFieldAndWritesNothing(Case c, String bad) {
    Map<String, Object> before = written();
    HttpResponse<String> answer = c.send().apply(bad);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    JsonNode problem = json(answer);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo(c.field());
    assertThat(problem.get("detail").asText()).contains("U+");
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void textIsStoredInNfcWithItsTabsAndNewlines() {
    setUp();
    String id =
        recruiter.create(
            "/api/candidates", "{\"name\":\"Rene\\u0301e\",\"summary\":\"one\\ttwo\\r\\nthree\"}");
    JsonNode stored = json(recruiter.get("/api/candidates/" + id));
    assertThat(stored.get("name").asText()).isEqualTo("Ren\u00e9e");
    assertThat(stored.get("summary").asText()).isEqualTo("one\ttwo\nthree");
  }

  @Test
  void thePortalCommentFormRefusesItWithAPlainMessage() {
    setUp();
    String page = client.get("/portal/submissions/" + submissionId).body();
    long before =
        jdbc.sql("select count(*) from submission_comment where submission_id = ?")
            .param(submissionId)
            .query(Long.class)
            .single();
    HttpResponse<String> posted =
        client.postForm(
            "/portal/submissions/" + submissionId + "/comments",
            Map.of("body", "looks \u202egood", "_csrf", Browser.csrfField(page)));
    assertThat(posted.statusCode()).isEqualTo(302);
    String shown = client.get("/portal/submissions/" + submissionId).body();
    assertThat(shown).contains("comment contains a text-direction control character (U+202E)");
    assertThat(
            jdbc.sql("select count(*) from submission_comment where submission_id = ?")
                .param(submissionId)
                .query(Long.class)
                .single())
        .isEqualTo(before);
  }
}
