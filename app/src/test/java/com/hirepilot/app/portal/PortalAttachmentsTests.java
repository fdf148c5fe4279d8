package com.hirepilot.app.portal;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.testing.Browser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

/** {@code GET /api/portal/attachments/{id}}: only public files of submissions the client sees. */
class PortalAttachmentsTests extends PortalFixture {

  /** The file's bytes as the signed-in browser downloads them. */
  static HttpResponse<byte[]> download(Browser browser, String attachmentId) {
    HttpResponse<InputStream> answer =
        browser.openStream(
            "/api/portal/attachments/" + attachmentId,
            java.util.Map.of(),
            java.time.Duration.ofSeconds(15));
    try (InputStream in = answer.body()) {
      byte[] bytes = in.readAllBytes();
      return new BytesAnswer(answer, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aPublicFileOfAVisibleCandidateDownloadsAsUploadedWithItsDetectedTypeAndASafeName() {
    Job job = newJob();
    Client client = addClient(job.id());
    Candidate candidate = newCandidate("M" + unique());
    byte[] pdf = pdf("Evil named resume");
    JsonNode uploaded =
        upload(candidate.id(), "../../evil;name\u202e<fdp>.pdf", pdf, "RESUME", true);
    String fileId = uploaded.get("id").asText();
    // The name is sanitised on the way in, not refused, and the type comes from the bytes.
    String storedName = uploaded.get("filename").asText();
    assertThat(storedName).matches("[A-Za-z0-9._ -]+").endsWith(".pdf").contains("evil");
    assertThat(uploaded.get("contentType").asText()).isEqualTo("application/pdf");
    submit(job.id(), candidate.id(), "A strong match.", List.of(fileId));
    Browser browser = signInWith(linkIn(submissionEmail(client.email(), candidate.name())));

    HttpResponse<byte[]> file = download(browser, fileId);

    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(pdf);
    assertThat(file.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
    String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
    assertThat(disposition).startsWith("attachment");
    assertThat(disposition).doesNotContain("\u202e").doesNotContain("/").doesNotContain("<");
    assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo(storedName);
    assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(file.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("sandbox");
  }

  @Test
  void theOriginalPublicFileDownloadsWithTheBytesUploaded() {
    Setup setup = submitted("A strong match.");
    Browser client = signIn(setup);

    HttpResponse<byte[]> file = download(client, setup.publicFileId());

    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(setup.publicFileBytes());
    assertThat(file.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
  }

  @Test
  void thePrivateFileOfAVisibleCandidateIsNotFound() {
    Setup setup = submitted("A strong match.");
    Browser client = signIn(setup);

    HttpResponse<byte[]> file = download(client, setup.privateFileId());

    assertThat(file.statusCode()).isEqualTo(404);
    assertThat(new String(file.body())).doesNotContain(setup.marker());
    // Nor is it listed with the candidate.
    String submission = client.get("/api/portal/submissions/" + setup.submissionId()).body();
    assertThat(submission).doesNotContain(setup.privateFileId()).doesNotContain(setup.marker());
  }

  @Test
  void anotherJobsPublicFileIsNotFound() {
    Setup mine = submitted("Mine.");
    Setup theirs = submitted("Theirs.");
    Browser me = signIn(mine);
    Browser them = signIn(theirs);

    assertThat(download(them, theirs.publicFileId()).statusCode()).isEqualTo(200);
    assertThat(download(me, theirs.publicFileId()).statusCode()).isEqualTo(404);
  }

  @Test
  void aWithdrawnCandidatesPublicFileIsNotFound() {
    Setup setup = submitted("A strong match.");
    Browser client = signIn(setup);
    assertThat(download(client, setup.publicFileId()).statusCode()).isEqualTo(200);

    withdraw(setup.submissionId());

    assertThat(download(client, setup.publicFileId()).statusCode()).isEqualTo(404);
  }

  @Test
  void anUnknownFileIsNotFoundAsAProblem() {
    Setup setup = submitted("A strong match.");
    Browser client = signIn(setup);

    HttpResponse<String> answer = client.get("/api/portal/attachments/" + UUID.randomUUID());

    assertProblem(answer, 404);
  }

  @Test
  void withoutASessionAFileIsUnauthorizedAsAProblem() throws Exception {
    Setup setup = submitted("A strong match.");
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(origin + "/api/portal/attachments/" + setup.publicFileId()))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertProblem(answer, 401);
    assertThat(answer.body()).doesNotContain("%PDF");
  }

  @Test
  void afterAResendWithOtherFilesOnlyTheFilesNowShownDownload() {
    Setup setup = submitted("A strong match.");
    awaitStatus(setup.submissionId(), "AWAITING_FEEDBACK");
    Browser client = signIn(setup);
    assertThat(download(client, setup.publicFileId()).statusCode()).isEqualTo(200);
    byte[] newPdf = pdf("Updated resume");
    String newId =
        upload(setup.candidate().id(), "resume-v2.pdf", newPdf, "RESUME", true).get("id").asText();
    // Not shown yet: a public file of the candidate is not downloadable before it is sent.
    assertThat(download(client, newId).statusCode()).isEqualTo(404);

    HttpResponse<String> resent =
        recruiter.post(
            "/api/submissions/" + setup.submissionId() + "/resend",
            "{\"attachmentIds\":[%s],\"message\":\"Updated resume attached.\"}"
                .formatted(quote(newId)));
    assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
    awaitSubmission(
        setup.submissionId(),
        s -> s.get("attachmentIds").toString().contains(newId),
        "showing the new file");

    assertThat(download(client, setup.publicFileId()).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> shown = download(client, newId);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).isEqualTo(newPdf);
    JsonNode attachments =
        json(client.get("/api/portal/submissions/" + setup.submissionId())).get("attachments");
    assertThat(attachments.findValuesAsText("id")).isEqualTo(List.of(newId));
  }

  /** A streamed answer read to its end. */
  private record BytesAnswer(HttpResponse<InputStream> response, byte[] body)
      implements HttpResponse<byte[]> {
    @Override
    public int statusCode() {
      return response.statusCode();
    }

    @Override
    public HttpRequest request() {
      return response.request();
    }

    @Override
    public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return response.headers();
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return response.sslSession();
    }

    @Override
    public URI uri() {
      return response.uri();
    }

    @Override
    public HttpClient.Version version() {
      return response.version();
    }
  }
}
