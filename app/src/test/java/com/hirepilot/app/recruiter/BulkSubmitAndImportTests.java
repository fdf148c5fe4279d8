package com.hirepilot.app.recruiter;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** Bulk submission and CSV import: all or nothing, with an error per bad candidate or row. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class BulkSubmitAndImportTests {

  @Autowired JdbcClient jdbc;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  @Test
  void aBulkSubmissionSendsOneEmailPerCandidateWithTheirNewestPublicResume() throws Exception {
    String client = "bulk-" + UUID.randomUUID() + "@client.test";
    String jobId = api.create("/api/jobs", "{\"title\":\"Bulk role\"}");
    api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(client)));
    String first = api.create("/api/candidates", "{\"name\":\"Ada Bulk\"}");
    String second = api.create("/api/candidates", "{\"name\":\"Grace Bulk\"}");
    api.upload(first, "old.pdf", "%PDF-1.4 old".getBytes(), "RESUME", true);
    String newest =
        json(api.upload(first, "new.pdf", "%PDF-1.4 new".getBytes(), "RESUME", true))
            .get("id")
            .asText();
    api.upload(first, "private.pdf", "%PDF-1.4 private".getBytes(), "RESUME", false);

    HttpResponse<String> response =
        api.post(
            "/api/jobs/" + jobId + "/submissions/bulk",
            "{\"candidateIds\":[%s,%s],\"message\":\"Two strong ones\"}"
                .formatted(quote(first), quote(second)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode created = json(response);
    assertThat(created).hasSize(2);
    assertThat(created.get(0).get("candidateId").asText()).isEqualTo(first);
    assertThat(created.get(1).get("workflowId").asText()).startsWith("submission-");
    String submissionId = created.get(0).get("id").asText();
    assertThat(
            json(api.get("/api/submissions/" + submissionId)).get("attachmentIds").get(0).asText())
        .isEqualTo(newest);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (TestMail.to(client).size() < 2 && Instant.now().isBefore(deadline)) {
      TestMail.sleep();
    }
    assertThat(TestMail.to(client)).hasSize(2);
  }

  @Test
  void aBulkSubmissionWithAnyBadCandidateStartsNothing() {
    String jobId = api.create("/api/jobs", "{\"title\":\"Picky role\"}");
    api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":\"picky@client.test\"}");
    String good = api.create("/api/candidates", "{\"name\":\"Good\"}");
    String already = api.create("/api/candidates", "{\"name\":\"Already\"}");
    assertThat(
            api.post(
                    "/api/jobs/" + jobId + "/submissions",
                    "{\"candidateId\":%s}".formatted(quote(already)))
                .statusCode())
        .isEqualTo(201);
    long before = count("submission");

    HttpResponse<String> response =
        api.post(
            "/api/jobs/" + jobId + "/submissions/bulk",
            "{\"candidateIds\":[%s,\"unknown\",%s,%s]}"
                .formatted(quote(good), quote(good), quote(already)));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).get("errors").findValuesAsText("field"))
        .containsExactly("candidateIds[1]", "candidateIds[2]", "candidateIds[3]");
    assertThat(count("submission")).isEqualTo(before);
  }

  @Test
  void aCsvImportCreatesEveryRowAndTellsWhichRowBecameWhichCandidate() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String csv =
        """
        name,title,currentCompany,skills,summary,email,phone,internalNotes
        Ana %1$s,Engineer,Parcelly,Java;Kotlin,"Builds things, well",ana@x.test,+1 555,salary 90k
        "Ben %1$s",,,,,,,
        """
            .formatted(marker);
    HttpResponse<String> response = postCsv(csv, "text/csv");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode result = json(response);
    assertThat(result.get("imported").asInt()).isEqualTo(2);
    assertThat(result.get("candidates").get(0).get("row").asInt()).isEqualTo(2);
    assertThat(result.get("candidates").get(1).get("row").asInt()).isEqualTo(3);
    JsonNode ana =
        json(api.get("/api/candidates/" + result.get("candidates").get(0).get("id").asText()));
    assertThat(ana.get("skills").toString()).isEqualTo("[\"Java\",\"Kotlin\"]");
    assertThat(ana.get("summary").asText()).isEqualTo("Builds things, well");
    JsonNode found = json(api.get("/api/candidates?q=kotlin&limit=200"));
    assertThat(found.get("candidates").findValuesAsText("name")).contains("Ana " + marker);
  }

  @Test
  void aCsvWithBadRowsImportsNothingAndNamesEachRowAndField() {
    long before = count("candidate");
    String csv =
        """
        name,title,currentCompany,skills,summary,email,phone,internalNotes
        Fine,,,,,,,
        ,Engineer,,,,not-an-email,,
        Bidi\u202Ename,,,,,,,
        """;
    HttpResponse<String> response = postCsv(csv, "text/csv");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).get("errors").findValuesAsText("field"))
        .containsExactly("row 3: email", "row 3: name", "row 4: name");
    assertThat(count("candidate")).isEqualTo(before);
  }

  @Test
  void aCsvImportRefusesOtherContentTypesUnknownColumnsAndTooLargeFiles() {
    assertThat(postCsv("name\nX\n", "application/xml").statusCode()).isEqualTo(415);
    HttpResponse<String> unknown = postCsv("name,salary\nX,1\n", "text/csv");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(json(unknown).get("errors").findValuesAsText("field")).contains("row 1: salary");
    HttpResponse<String> tooLarge = postCsv("name\n" + "X\n".repeat(1_100_000), "text/csv");
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    HttpResponse<String> tooMany = postCsv("name\n" + "X\n".repeat(1_001), "text/csv");
    assertThat(tooMany.statusCode()).isEqualTo(422);
  }

  private HttpResponse<String> postCsv(String csv, String contentType) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(origin + "/api/candidates/import"))
                  .header("Authorization", "Bearer " + TestRuntime.RECRUITER_TOKEN)
                  .header("Content-Type", contentType)
                  .POST(HttpRequest.BodyPublishers.ofString(csv))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
