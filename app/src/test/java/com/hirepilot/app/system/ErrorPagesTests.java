package com.hirepilot.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** Every page says its language, every error page its own title, Tomcat's included. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class ErrorPagesTests {

  final String origin = TestRuntime.h2().origin();
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
  }

  static String title(HttpResponse<String> page) {
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).contains("text/html");
    var html = Jsoup.parse(page.body());
    assertThat(html.selectFirst("html").attr("lang")).isEqualTo("en");
    return html.title();
  }

  @Test
  void eachErrorPageHasATitleOfItsOwn() throws Exception {
    HttpResponse<String> notFound = send(HttpRequest.newBuilder(URI.create(origin + "/nope")));
    HttpResponse<String> refused =
        new Browser(origin).postForm("/portal/access", Map.of("email", "a@b.test"));

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(title(notFound)).isEqualTo("Page not found · HirePilot");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(title(refused)).isEqualTo("Request refused · HirePilot");
    // The rest, as the error controller words them: no two alike.
    List<org.springframework.http.HttpStatus> statuses =
        List.of(
            org.springframework.http.HttpStatus.BAD_REQUEST,
            org.springframework.http.HttpStatus.UNAUTHORIZED,
            org.springframework.http.HttpStatus.FORBIDDEN,
            org.springframework.http.HttpStatus.NOT_FOUND,
            org.springframework.http.HttpStatus.METHOD_NOT_ALLOWED,
            org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE,
            org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
            org.springframework.http.HttpStatus.TOO_MANY_REQUESTS,
            org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(statuses.stream().map(ProblemErrorController::pageTitle)).doesNotHaveDuplicates();
  }

  @Test
  void anOversizedRequestHeaderGetsTheAppsPageNotTomcats() throws Exception {
    HttpResponse<String> page =
        send(
            HttpRequest.newBuilder(URI.create(origin + "/portal/access"))
                .header("X-Padding", "a".repeat(20_000)));

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(title(page)).isEqualTo("Bad request · HirePilot");
    assertThat(page.body()).doesNotContain("HTTP Status").doesNotContainIgnoringCase("tomcat");
    assertThat(page.body()).contains("/portal/assets/portal.css");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
  }

  @Test
  void everyPageAndEmailTemplateSaysItIsInEnglish() throws IOException {
    // Each email is a whole document of its own; the pieces they share (layout/) are not.
    Path mail = Path.of("src/main/jte/notification/mail");
    List<Path> emails;
    try (Stream<Path> list = Files.list(mail)) {
      emails = list.filter(p -> p.toString().endsWith(".jte")).toList();
    }
    // Pages get their <html> element from a layout; every template that writes one counts.
    List<Path> pageLayouts;
    try (Stream<Path> walk = Files.walk(Path.of("src/main/jte"))) {
      pageLayouts =
          walk.filter(p -> p.toString().endsWith(".jte"))
              .filter(p -> !p.startsWith(mail))
              .filter(p -> read(p).contains("<html"))
              .toList();
    }
    assertThat(emails).hasSizeGreaterThan(5);
    assertThat(pageLayouts).hasSizeGreaterThanOrEqualTo(2);
    for (Path file : Stream.concat(emails.stream(), pageLayouts.stream()).toList()) {
      assertThat(Files.readString(file)).as(file.toString()).contains("<html lang=\"en\"");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aMalformedRequestLineGetsTheAppsPageToo() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", TestRuntime.h2().httpPort)) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write("GET /a b c\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(answer).contains("<html lang=\"en\">").contains("<title>Bad request · HirePilot");
      assertThat(answer).doesNotContain("HTTP Status");
    }
  }

  @Test
  void theEmailsSentSayTheirLanguage() {
    RecruiterApi recruiter = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);
    String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
    String client = "lang-" + unique + "@client.test";
    String jobId = recruiter.create("/api/jobs", "{\"title\":\"Lang " + unique + "\"}");
    recruiter.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":\"" + client + "\"}");
    String candidateId = recruiter.create("/api/candidates", "{\"name\":\"Sol " + unique + "\"}");
    recruiter.create(
        "/api/jobs/" + jobId + "/submissions", "{\"candidateId\":\"" + candidateId + "\"}");
    TestMail.awaitMessage(client, subject -> subject.contains("Sol " + unique));
    // Every HTML email this JVM's tests have had sent so far, of every kind.
    List<String> html =
        java.util.Arrays.stream(TestMail.SERVER.getReceivedMessages())
            .map(m -> TestMail.part(m, "text/html"))
            .filter(java.util.Objects::nonNull)
            .toList();
    assertThat(html).isNotEmpty();
    assertThat(html).allSatisfy(part -> assertThat(part).contains("<html lang=\"en\""));
  }

  @Test
  void renderedPortalPagesSayTheirLanguage() throws Exception {
    for (String path : List.of("/portal/access", "/portal/login?token=unknown")) {
      HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(origin + path)));
      assertThat(page.statusCode()).isEqualTo(200);
      title(page);
    }
  }
}
