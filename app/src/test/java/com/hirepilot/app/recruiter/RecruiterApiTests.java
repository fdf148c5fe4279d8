package com.hirepilot.app.recruiter;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

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

/** The recruiter API's answers to bad input, strangers and other workspaces. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class RecruiterApiTests {

  @Autowired ApplicationContext app;
  @Autowired JdbcClient jdbc;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  @Test
  void missingFieldsAnswer422WithTheFieldsAndWriteNothing() {
    long jobsBefore = count("job");
    HttpResponse<String> response = api.post("/api/jobs", "{\"location\":\"Remote\"}");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(json(response).get("errors").findValuesAsText("field")).contains("title");
    assertThat(count("job")).isEqualTo(jobsBefore);
  }

  @Test
  void malformedJsonAnswers400() {
    HttpResponse<String> response = api.post("/api/jobs", "{\"title\":");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("status").asInt()).isEqualTo(400);
  }

  @Test
  void aSubmissionOfAnUnknownCandidateAnswers422AndStartsNothing() {
    String jobId = api.create("/api/jobs", "{\"title\":\"Backend\"}");
    api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":\"x@client.test\"}");
    long before = count("submission");
    HttpResponse<String> response =
        api.post("/api/jobs/" + jobId + "/submissions", "{\"candidateId\":\"nope\"}");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).get("errors").findValuesAsText("field")).contains("candidateId");
    assertThat(count("submission")).isEqualTo(before);
  }

  @Test
  void aJobWithoutCollaboratorsCannotBeSubmittedTo() {
    String jobId = api.create("/api/jobs", "{\"title\":\"Nobody to tell\"}");
    String candidateId = api.create("/api/candidates", "{\"name\":\"Lee\"}");
    HttpResponse<String> response =
        api.post(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s}".formatted(quote(candidateId)));
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).get("detail").asText()).contains("collaborator");
  }

  @Test
  void aCandidateWithAnOpenSubmissionForTheJobIsRefusedAndNothingIsWritten() {
    String jobId = api.create("/api/jobs", "{\"title\":\"Twice\"}");
    api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":\"twice@client.test\"}");
    String candidateId = api.create("/api/candidates", "{\"name\":\"Lee\"}");
    String body = "{\"candidateId\":%s}".formatted(quote(candidateId));
    assertThat(api.post("/api/jobs/" + jobId + "/submissions", body).statusCode()).isEqualTo(201);
    long before = count("submission");

    HttpResponse<String> again = api.post("/api/jobs/" + jobId + "/submissions", body);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("detail").asText()).contains("already has an open submission");
    assertThat(count("submission")).isEqualTo(before);
    // Open is per job: the same candidate may still go to another job.
    String otherJob = api.create("/api/jobs", "{\"title\":\"Elsewhere\"}");
    api.create("/api/jobs/" + otherJob + "/collaborators", "{\"email\":\"else@client.test\"}");
    assertThat(api.post("/api/jobs/" + otherJob + "/submissions", body).statusCode())
        .isEqualTo(201);
  }

  @Test
  void anUnknownAttachmentKindAnswers422() {
    String candidateId = api.create("/api/candidates", "{\"name\":\"Lee\"}");
    HttpResponse<String> response =
        api.upload(candidateId, "cv.pdf", "%PDF-1.4".getBytes(), "PHOTO", true);
    assertThat(response.statusCode()).isEqualTo(422);
  }

  @Test
  void theContentTypeComesFromTheBytesAndResumesCountVersions() {
    String candidateId = api.create("/api/candidates", "{\"name\":\"Lee\"}");
    HttpResponse<String> first =
        api.upload(candidateId, "cv.pdf", "%PDF-1.4\n%âãÏÓ\n".getBytes(), "RESUME", true);
    HttpResponse<String> second =
        api.upload(candidateId, "../../etc/passwd.pdf", "plain words".getBytes(), "RESUME", true);
    assertThat(json(first).get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(json(first).get("version").asInt()).isEqualTo(1);
    assertThat(json(first).get("public").asBoolean()).isTrue();
    assertThat(json(second).get("contentType").asText()).isEqualTo("text/plain");
    assertThat(json(second).get("version").asInt()).isEqualTo(2);
    assertThat(json(second).get("filename").asText()).isEqualTo("passwd.pdf");
  }

  @Test
  void aTooLargeUploadAnswers413AndStoresNothing() {
    String candidateId = api.create("/api/candidates", "{\"name\":\"Lee\"}");
    HttpResponse<String> response =
        api.upload(candidateId, "huge.pdf", new byte[11 * 1024 * 1024], "RESUME", true);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(json(api.get("/api/candidates/" + candidateId)).get("attachments")).isEmpty();
  }

  @Test
  void anUnknownAddressAnswersAProblemToo() {
    HttpResponse<String> response = api.get("/api/no-such-thing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(json(response).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void withoutAValidTokenTheApiAnswers401() {
    HttpResponse<String> response = new RecruiterApi(origin, "not-a-token").get("/api/jobs/x");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void anotherWorkspacesObjectsAnswer404() {
    String jobId = api.create("/api/jobs", "{\"title\":\"Ours\"}");
    String otherToken = "other-" + UUID.randomUUID();
    OtherWorkspaces.create(app, "Other", otherToken);
    RecruiterApi stranger = new RecruiterApi(origin, otherToken);
    assertThat(stranger.get("/api/jobs/" + jobId).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/api/jobs/" + jobId + "/activity").statusCode()).isEqualTo(404);
    assertThat(
            stranger
                .post("/api/jobs/" + jobId + "/collaborators", "{\"email\":\"x@y.test\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(stranger.get("/api/jobs/" + jobId).body()).doesNotContain("Ours");
  }

  @Test
  void apiTokensAreStoredOnlyAsHashes() {
    assertThat(
            jdbc.sql("select count(*) from api_token where token_hash = ?")
                .param(TestRuntime.RECRUITER_TOKEN)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from api_token where token_hash = ?")
                .param(com.hirepilot.app.workspace.TokenHashes.sha256(TestRuntime.RECRUITER_TOKEN))
                .query(Long.class)
                .single())
        .isOne();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
