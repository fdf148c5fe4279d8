package com.hirepilot.app.files;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** A resume through the recruiter API in, and out again through the console, for one app. */
final class StoredFileDownloads {

  private final TestRuntime runtime;
  final RecruiterApi api;

  StoredFileDownloads(TestRuntime runtime) {
    this.runtime = runtime;
    this.api = new RecruiterApi(runtime.origin(), TestRuntime.RECRUITER_TOKEN);
  }

  /** The uploaded attachment as the API answers it. */
  JsonNode uploadResume(String filename, byte[] content) {
    String candidateId =
        api.create(
            "/api/candidates",
            "{\"name\":%s,\"title\":\"Engineer\"}".formatted(quote("Files " + UUID.randomUUID())));
    HttpResponse<String> uploaded = api.upload(candidateId, filename, content, "RESUME", false);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    return json(uploaded);
  }

  /** The recruiter's download in the console: status, headers and every byte. */
  Download downloadInConsole(String attachmentId) {
    Browser browser = new Browser(runtime.origin());
    browser.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    HttpResponse<InputStream> answer =
        browser.openStream(
            "/console/attachments/" + attachmentId, Map.of(), Duration.ofSeconds(15));
    try (InputStream in = answer.body()) {
      return new Download(answer, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files in the data dir's attachments folder, where the local store keeps them. */
  long filesInAttachmentsFolder() {
    Path folder = runtime.dataDir.resolve("attachments");
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Download(HttpResponse<InputStream> answer, byte[] body) {
    String header(String name) {
      return answer.headers().firstValue(name).orElse("");
    }
  }
}
