package com.hirepilot.app.workspace;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * A workspace of the test's own, so settings it changes (colour, link lifetime, logo) touch no
 * other test, with the recruiter API calls the settings tests make.
 */
final class OwnAgency {

  final String origin;
  final String name;
  final String unique;
  final RecruiterApi recruiter;
  final String workspaceId;
  private final String token;

  OwnAgency(ApplicationContext app) {
    this(app, TestRuntime.h2());
  }

  OwnAgency(ApplicationContext app, TestRuntime runtime) {
    origin = runtime.origin();
    unique = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    name = "Brandwell Talent " + unique;
    token = "settings-" + UUID.randomUUID();
    OtherWorkspaces.create(app, name, token);
    recruiter = new RecruiterApi(origin, token);
    HttpResponse<String> workspace = recruiter.get("/api/workspace");
    assertThat(workspace.statusCode()).as(workspace.body()).isEqualTo(200);
    workspaceId = json(workspace).get("id").asText();
  }

  /** {@code PUT /api/workspace/logo} with the bytes as the multipart field {@code file}. */
  HttpResponse<String> uploadLogo(String filename, byte[] content) {
    String boundary = "----logo" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + filename
                  + "\"\r\nContent-Type: image/png\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        HttpRequest.newBuilder(URI.create(origin + "/api/workspace/logo"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** A job with one client on it, and a candidate submitted to them. */
  record Submitted(String jobId, String collaboratorId, String clientEmail, String candidate) {}

  Submitted submitCandidate() {
    String jobId =
        recruiter.create(
            "/api/jobs",
            "{\"title\":%s,\"clientCompany\":\"Globex\"}".formatted(quote("Designer " + unique)));
    String email = "client-" + unique + "@globex.test";
    String collaboratorId =
        recruiter.create(
            "/api/jobs/" + jobId + "/collaborators",
            "{\"email\":%s,\"name\":\"Casey\"}".formatted(quote(email)));
    String candidate = "Robin " + unique;
    String candidateId =
        recruiter.create(
            "/api/candidates",
            "{\"name\":%s,\"title\":\"Product Designer\"}".formatted(quote(candidate)));
    HttpResponse<String> submitted =
        recruiter.post(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"message\":\"Have a look\",\"attachmentIds\":[]}"
                .formatted(quote(candidateId)));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    return new Submitted(jobId, collaboratorId, email, candidate);
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<byte[]> getBytes(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
