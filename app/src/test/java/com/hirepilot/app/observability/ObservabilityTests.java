package com.hirepilot.app.observability;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.JavaProcess;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestPorts;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of the app: the Prometheus scrape and the JSON log lines. The app runs as a
 * process of its own with JSON logs switched on the documented way (an environment variable), so
 * its whole standard output is the log under test. One journey feeds both checks: a submission with
 * a reminder, a client's sign-in through the emailed link (and a made-up and a used link), the
 * client's decision, a link request, and a recruiter's console sign-in.
 */
class ObservabilityTests {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String unique = UUID.randomUUID().toString().substring(0, 8);
  private final String token = "obs-test-token-" + unique + "-0123456789";
  private final String password = "obs-console-password-" + unique;
  private final String recruiterEmail = "recruiter-" + unique + "@agency.test";
  private final String clientEmail = "client-" + unique + "@acme.test";
  private final int httpPort = TestPorts.free();
  private final int temporalPort = TestPorts.free();
  private final Path dataDir = tempDir();
  private final Path log = dataDir.resolve("app.log");
  private final String origin = "http://localhost:" + httpPort;
  private final RecruiterApi recruiter = new RecruiterApi(origin, token);

  private JavaProcess app;

  /** The app's log stays in target/ for a look after the run; its data directory goes. */
  @AfterEach
  void stopTheAppAndRemoveItsData() throws IOException {
    stop();
    if (Files.exists(log)) {
      Files.copy(
          log,
          Path.of("target", "observability-app.log"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  void theScrapeShowsTheProductAndTemporalMetricsAndTheLogsAreJsonWithIdsAndNoSecrets()
      throws Exception {
    start();
    List<String> secrets = new ArrayList<>(List.of(token, password));

    // A submission that waits long enough for its one reminder.
    String jobId =
        recruiter.create(
            "/api/jobs",
            """
            {"title":"Platform Engineer %s","requirements":"Go","clientCompany":"Acme",
             "showDescriptionToClients":false}"""
                .formatted(unique));
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s,\"name\":\"Casey\"}".formatted(quote(clientEmail)));
    String candidateId =
        recruiter.create(
            "/api/candidates", "{\"name\":\"Robin %s\",\"skills\":[\"Go\"]}".formatted(unique));
    String submissionId =
        recruiter.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"attachmentIds\":[]}".formatted(quote(candidateId)));
    MimeMessage submitted = awaitMail(clientEmail, s -> s.startsWith("New candidate for"));
    MimeMessage reminder = awaitMail(clientEmail, s -> s.startsWith("Reminder:"));
    secrets.add(tokenOf(submitted));
    secrets.add(tokenOf(reminder));

    // The client signs in with the reminder's link, as a person does (the link page, its
    // button); a made-up link and the used one are refused.
    Browser client = new Browser(origin);
    String link = TestMail.portalLinks(reminder).get(0);
    HttpResponse<String> signedIn = client.confirmLink(link);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).contains("/portal/");
    assertThat(new Browser(origin).signInWith(origin + "/portal/login?token=made-up-" + unique))
        .isEqualTo(401);
    assertThat(new Browser(origin).signInWith(link)).isEqualTo(401);
    HttpResponse<String> approved =
        client.postJson(
            "/api/portal/submissions/" + submissionId + "/decision", "{\"decision\":\"APPROVE\"}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    awaitMail(recruiterEmail, s -> s.contains("approved Robin " + unique));

    // The client asks for a fresh link on the access page.
    Browser asking = new Browser(origin);
    HttpResponse<String> accessPage = asking.getPage("/portal/access");
    HttpResponse<String> requested =
        asking.postForm(
            "/portal/access",
            Map.of("email", clientEmail, "_csrf", Browser.csrfField(accessPage.body())));
    assertThat(requested.statusCode()).isEqualTo(302);
    secrets.add(tokenOf(awaitMail(clientEmail, s -> s.contains("sign-in link"))));

    // The recruiter signs in to the console with their password.
    HttpResponse<String> console = new Browser(origin).signInToConsole(recruiterEmail, password);
    assertThat(console.headers().firstValue("Location").orElse("")).doesNotContain("error");

    // A recruiter who is not an admin, with a token of their own.
    String memberEmail = "member-" + unique + "@agency.test";
    HttpResponse<String> added =
        recruiter.post(
            "/api/recruiters",
            "{\"name\":\"Sam\",\"email\":%s,\"role\":\"RECRUITER\"}".formatted(quote(memberEmail)));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String memberPassword = json(added).get("firstPassword").asText();
    secrets.add(memberPassword);
    Browser member = new Browser(origin);
    member.signInToConsole(memberEmail, memberPassword);
    String tokensPage = member.getPage("/console/tokens").body();
    member.postForm(
        "/console/tokens", Map.of("name", "Sam's scraper", "_csrf", Browser.csrfField(tokensPage)));
    Matcher shown =
        Pattern.compile("id=\"new-token\" class=\"token\">([^<]+)<")
            .matcher(member.getPage("/console/tokens").body());
    assertThat(shown.find()).isTrue();
    String memberToken = shown.group(1);
    secrets.add(memberToken);

    // The scrape: an admin's token only; health stays open; other actuator paths are closed.
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "not-a-token").statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", memberToken).statusCode()).isEqualTo(403);
    assertThat(get("/actuator/env", token).statusCode()).isEqualTo(403);
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

    // The status gauges are counted at most every 15 s, the Temporal metrics handed over every
    // 10 s: scrape until both have caught up.
    Metrics metrics = null;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
    while (Instant.now().isBefore(deadline)) {
      metrics = scrape();
      // Any temporal_ series can be there before the first report of its request counter.
      if (metrics.value("hirepilot_submissions", Map.of("status", "APPROVED")) >= 1
          && metrics.value("temporal_request_total", Map.of()) > 0) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(metrics.value("hirepilot_submissions", Map.of("status", "APPROVED"))).isEqualTo(1);
    assertThat(metrics.value("hirepilot_submissions", Map.of("status", "AWAITING_FEEDBACK")))
        .isZero();
    assertThat(metrics.hasPrefix("temporal_")).as(metrics.text).isTrue();
    assertThat(metrics.value("temporal_request_total", Map.of())).isPositive();
    assertThat(
            metrics.value("hirepilot_client_decision_seconds_count", Map.of("decision", "approve")))
        .isEqualTo(1);
    assertThat(
            metrics.value("hirepilot_client_decision_seconds_sum", Map.of("decision", "approve")))
        .isGreaterThanOrEqualTo(2.0); // the reminder came 2 s after the submission email
    assertThat(metrics.value("hirepilot_reminders_sent_total", Map.of())).isEqualTo(1);
    assertThat(
            metrics.value(
                "hirepilot_emails_total", Map.of("kind", "SUBMISSION", "outcome", "sent")))
        .isEqualTo(1);
    assertThat(
            metrics.value("hirepilot_emails_total", Map.of("kind", "REMINDER", "outcome", "sent")))
        .isEqualTo(1);
    assertThat(
            metrics.value(
                "hirepilot_emails_total", Map.of("kind", "ACCESS_LINK", "outcome", "sent")))
        .isEqualTo(1);
    assertThat(
            metrics.value(
                "hirepilot_emails_total",
                Map.of("kind", "RECRUITER_NOTIFICATION", "outcome", "sent")))
        .isEqualTo(1);
    assertThat(metrics.value("hirepilot_emails_total", Map.of("outcome", "failed"))).isZero();
    assertThat(metrics.value("hirepilot_magic_links_total", Map.of("outcome", "success")))
        .isEqualTo(1);
    assertThat(metrics.value("hirepilot_magic_links_total", Map.of("outcome", "invalid")))
        .isEqualTo(1);
    assertThat(metrics.value("hirepilot_magic_links_total", Map.of("outcome", "used")))
        .isEqualTo(1);
    assertThat(metrics.value("hirepilot_magic_links_total", Map.of("outcome", "expired"))).isZero();
    // The two refused links answered 401 on the portal's API; nothing failed.
    assertThat(metrics.value("hirepilot_portal_responses_total", Map.of("status", "4xx")))
        .isGreaterThanOrEqualTo(2);
    assertThat(metrics.value("hirepilot_portal_responses_total", Map.of("status", "2xx")))
        .isPositive();
    assertThat(metrics.value("hirepilot_portal_responses_total", Map.of("status", "5xx"))).isZero();
    // No series is labelled with an ID, an address or a token.
    for (String id : List.of(submissionId, jobId, candidateId, clientEmail, token)) {
      assertThat(metrics.text).doesNotContain(id);
    }

    // The log: every line one JSON object, the activities' lines with their IDs, no secret.
    stop();
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSizeGreaterThan(10);
    List<JsonNode> entries = new ArrayList<>();
    for (String line : lines) {
      JsonNode entry;
      try {
        entry = JSON.readTree(line);
      } catch (IOException e) {
        throw new AssertionError("Not a JSON log line: " + line, e);
      }
      assertThat(entry.isObject()).as(line).isTrue();
      assertThat(entry.path("message").isMissingNode()).as(line).isFalse();
      entries.add(entry);
    }
    List<JsonNode> aboutTheSubmission =
        entries.stream().filter(e -> submissionId.equals(e.path("submissionId").asText())).toList();
    assertThat(aboutTheSubmission).isNotEmpty();
    assertThat(aboutTheSubmission)
        .anySatisfy(
            e -> {
              assertThat(e.path("workflowId").asText()).isEqualTo("submission-" + submissionId);
              assertThat(e.path("jobId").asText()).isEqualTo(jobId);
              assertThat(e.path("workspaceId").asText()).isNotBlank();
              assertThat(e.path("message").asText()).contains("Recorded the client's decision");
            });
    assertThat(aboutTheSubmission)
        .anySatisfy(e -> assertThat(e.path("message").asText()).contains("Sent REMINDER email"));
    String everything = String.join("\n", lines);
    for (String secret : secrets) {
      assertThat(everything).as("a secret in the log").doesNotContain(secret);
    }
    assertThat(everything).doesNotContain("token=");
  }

  private static String tokenOf(MimeMessage email) {
    String link = TestMail.portalLinks(email).get(0);
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  /** The scrape, parsed: each sample line's name, labels and value. */
  private record Metrics(String text, List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE =
        Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    static Metrics parse(String text) {
      List<Sample> samples = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Matcher m = LINE.matcher(line.trim());
        if (!m.matches()) {
          throw new AssertionError("Not a sample line: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(3) != null) {
          Matcher l = LABEL.matcher(m.group(3));
          while (l.find()) {
            labels.put(l.group(1), l.group(2));
          }
        }
        samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
      }
      return new Metrics(text, samples);
    }

    /** The sum of the series of this name whose labels include these. */
    double value(String name, Map<String, String> labels) {
      return samples.stream()
          .filter(s -> s.name().equals(name))
          .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
          .mapToDouble(Sample::value)
          .sum();
    }

    boolean hasPrefix(String prefix) {
      return samples.stream().anyMatch(s -> s.name().startsWith(prefix));
    }
  }

  private Metrics scrape() {
    HttpResponse<String> answer = get("/actuator/prometheus", token);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Metrics.parse(answer.body());
  }

  private HttpResponse<String> get(String path, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void start() {
    // The app's own classpath: a test library's Commons Logging jar would make spring-jcl warn in
    // plain text on stderr, which the shipped jar (pom.xml excludes it) never does.
    String classpath =
        java.util.Arrays.stream(JavaProcess.testClasspath().split(File.pathSeparator))
            .filter(entry -> !entry.contains("commons-logging"))
            .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    Map<String, String> env = new java.util.HashMap<>();
    env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
    env.put("SERVER_PORT", String.valueOf(httpPort));
    env.put("PORTAL_BASE_URL", origin);
    env.put("PORTAL_DATA_DIR", dataDir.toString());
    env.put("PORTAL_BOOTSTRAP_TOKEN", token);
    env.put("PORTAL_BOOTSTRAP_EMAIL", recruiterEmail);
    env.put("PORTAL_BOOTSTRAP_PASSWORD", password);
    env.put("PORTAL_DEMO_ENABLED", "false");
    env.put("PORTAL_MAIL_EMBEDDED", "false");
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", String.valueOf(TestMail.port()));
    env.put("TEMPORAL_EMBEDDED_PORT", String.valueOf(temporalPort));
    // One reminder, soon; the no-response alert waits past the test.
    env.put("PORTAL_REMINDERS_SCHEDULE", "PT2S,PT1H");
    app = JavaProcess.startOn(classpath, "app", dataDir, env, HirePilotApplication.class.getName());
    app.awaitReady(() -> recruiter.get("/api/workspace").statusCode() == 200, STARTUP);
  }

  /** A graceful stop (SIGTERM), so the log is complete. */
  private void stop() {
    if (app != null) {
      app.stop(Duration.ofSeconds(30));
    }
  }

  private MimeMessage awaitMail(String to, Predicate<String> subject) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage m : TestMail.to(to)) {
        if (subject.test(TestMail.subjectOf(m))) {
          return m;
        }
      }
      sleep(Duration.ofMillis(200));
    }
    throw new AssertionError("No such email to " + to + " arrived\n" + logTail());
  }

  private String logTail() {
    return app == null ? "(not started)" : app.logTail(40);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("portal-obs-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
