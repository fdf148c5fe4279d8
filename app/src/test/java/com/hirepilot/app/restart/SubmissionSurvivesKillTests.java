package com.hirepilot.app.restart;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded runtime's promise under the worst kind of stop: the app runs as a process of its own
 * on a file database and is killed with SIGKILL while a submission awaits feedback, and again right
 * after the client decides. Mail goes to an SMTP server in this test's JVM, so it outlives the
 * killed process and every email can be counted.
 */
class SubmissionSurvivesKillTests {

  /** Reminder 1 comes before the first kill; reminder 2 and the alert after the restart. */
  private static final String SCHEDULE = "PT10S,PT30S";

  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final String unique = UUID.randomUUID().toString().substring(0, 8);
  private final String token = "kill-test-token-" + unique + "-0123456789";
  private final String recruiterEmail = "recruiter-" + unique + "@agency.test";
  private final String clientEmail = "client-" + unique + "@acme.test";
  private final int httpPort = TestPorts.free();
  private final int temporalPort = TestPorts.free();
  private final Path dataDir = tempDir();
  private final String origin = "http://localhost:" + httpPort;
  private final RecruiterApi recruiter = new RecruiterApi(origin, token);

  private JavaProcess app;
  private int starts;

  /** Failures already carry the app's log tail; the data directory is not needed after. */
  @AfterEach
  void stopTheAppAndRemoveItsData() throws IOException {
    kill();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  void aKilledAppCarriesOnWithEverySubmissionAndRepeatsNothing() {
    start();
    String jobId =
        recruiter.create(
            "/api/jobs",
            """
            {"title":"Data Engineer %s","requirements":"SQL","clientCompany":"Acme",
             "showDescriptionToClients":false}"""
                .formatted(unique));
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s,\"name\":\"Casey\"}".formatted(quote(clientEmail)));
    String candidateId =
        recruiter.create(
            "/api/candidates", "{\"name\":\"Robin %s\",\"skills\":[\"SQL\"]}".formatted(unique));
    String submissionId =
        recruiter.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"attachmentIds\":[]}".formatted(quote(candidateId)));

    awaitMail(clientEmail, s -> s.startsWith("New candidate for"));
    awaitMail(clientEmail, s -> s.startsWith("Reminder:"));
    JsonNode beforeKill = submission(submissionId);
    assertThat(beforeKill.get("status").asText()).isEqualTo("AWAITING_FEEDBACK");
    assertThat(beforeKill.get("remindersSent").asInt()).isEqualTo(1);

    kill();
    start();
    // Readiness waits for start-up to give the open submission its workflow back.
    assertThat(awaitReady().get("status").asText()).isEqualTo("UP");

    // The second reminder keeps the deadline counted from the original email, and the recruiter
    // is alerted once; nothing that went out before the kill goes out again.
    JsonNode alerted =
        await(submissionId, s -> s.get("recruiterAlerted").asBoolean(), "the no-response alert");
    awaitMail(recruiterEmail, s -> s.startsWith("No response yet on"));
    assertThat(alerted.get("status").asText()).isEqualTo("AWAITING_FEEDBACK");
    assertThat(alerted.get("remindersSent").asInt()).isEqualTo(2);
    Instant emailedAt = emailTime(alerted, "SUBMISSION", 0);
    assertThat(Duration.between(emailedAt, emailTime(alerted, "REMINDER", 1)))
        .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(45));
    assertThat(subjectsTo(clientEmail, "New candidate for")).hasSize(1);
    assertThat(subjectsTo(clientEmail, "Reminder:")).hasSize(2);
    assertThat(subjectsTo(recruiterEmail, "No response yet on")).hasSize(1);

    // The client can still decide, with the link of the newest email they got.
    List<MimeMessage> reminders = mailTo(clientEmail, "Reminder:");
    Browser client = signIn(reminders.get(reminders.size() - 1));
    // The first comment reaches the recruiter at once; the second waits for the digest window,
    // which the kill below interrupts. The next start must pass it on, and only it.
    assertThat(comment(client, submissionId, "First comment " + unique)).isEqualTo(201);
    awaitMail(recruiterEmail, s -> s.contains("commented on Robin " + unique));
    assertThat(comment(client, submissionId, "Second comment " + unique)).isEqualTo(201);
    HttpResponse<String> approved =
        client.postJson(
            "/api/portal/submissions/" + submissionId + "/decision", "{\"decision\":\"APPROVE\"}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(json(approved).get("status").asText()).isEqualTo("APPROVED");

    // Killed again the moment the decision is on record: its follow-ups may not have run.
    kill();
    start();

    // Right after the start the database answers alone (live=false) until start-up has resumed
    // the workflow, so wait for the follow-ups' outcome, not just for live=false.
    JsonNode settled =
        await(
            submissionId,
            s ->
                !s.get("live").asBoolean()
                    && s.get("stage").asText().equals("CLIENT_APPROVED")
                    && s.get("timeline").findValues("type").stream()
                        .anyMatch(t -> t.asText().equals("PIPELINE_UPDATED")),
            "the decision's follow-ups");
    awaitMail(recruiterEmail, s -> s.contains("approved Robin " + unique));
    List<MimeMessage> comments = awaitMails(recruiterEmail, "commented on Robin " + unique, 2);
    sleep(Duration.ofSeconds(3)); // room for a duplicate to show up, if there were one
    assertThat(subjectsTo(recruiterEmail, "approved Robin " + unique)).hasSize(1);
    assertThat(mailTo(recruiterEmail, "commented on Robin " + unique)).hasSize(2);
    assertThat(TestMail.part(comments.get(0), "text/plain"))
        .contains("First comment " + unique)
        .doesNotContain("Second comment");
    assertThat(TestMail.part(comments.get(1), "text/plain"))
        .contains("Second comment " + unique)
        .doesNotContain("First comment");
    assertThat(subjectsTo(clientEmail, "New candidate for")).hasSize(1);
    assertThat(subjectsTo(clientEmail, "Reminder:")).hasSize(2);
    assertThat(settled.get("status").asText()).isEqualTo("APPROVED");
    assertThat(settled.get("stage").asText()).isEqualTo("CLIENT_APPROVED");

    // One continuous history across three processes: every step once, in order.
    JsonNode timeline = submission(submissionId).get("timeline");
    List<String> types = new ArrayList<>();
    Instant previous = Instant.EPOCH;
    for (JsonNode entry : timeline) {
      types.add(entry.get("type").asText());
      Instant at = Instant.parse(entry.get("at").asText());
      assertThat(at).isAfterOrEqualTo(previous);
      previous = at;
    }
    assertThat(types)
        .containsExactly(
            "SUBMITTED",
            "EMAIL_SENT",
            "REMINDER_SENT",
            "REMINDER_SENT",
            "RECRUITER_ALERTED_NO_RESPONSE",
            "COMMENTED",
            "COMMENTED",
            "APPROVED",
            "RECRUITER_NOTIFIED",
            "PIPELINE_UPDATED");
    assertThat(starts).isEqualTo(3);
  }

  private void start() {
    starts++;
    Map<String, String> env = new java.util.HashMap<>();
    env.put("SERVER_PORT", String.valueOf(httpPort));
    env.put("PORTAL_BASE_URL", origin);
    env.put("PORTAL_DATA_DIR", dataDir.toString());
    env.put("PORTAL_BOOTSTRAP_TOKEN", token);
    env.put("PORTAL_BOOTSTRAP_EMAIL", recruiterEmail);
    env.put("PORTAL_DEMO_ENABLED", "false");
    env.put("PORTAL_MAIL_EMBEDDED", "false");
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", String.valueOf(TestMail.port()));
    env.put("TEMPORAL_EMBEDDED_PORT", String.valueOf(temporalPort));
    env.put("PORTAL_REMINDERS_SCHEDULE", SCHEDULE);
    // Longer than the moments between the second comment and the kill.
    env.put("PORTAL_COMMENTS_DIGEST_WINDOW", "PT60S");
    app = JavaProcess.start("app-" + starts, dataDir, env, HirePilotApplication.class.getName());
    app.awaitReady(() -> recruiter.get("/api/workspace").statusCode() == 200, STARTUP);
  }

  /** Polls readiness until it answers 200; it answers 503 while start-up resumes workflows. */
  private JsonNode awaitReady() {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    HttpResponse<String> answer;
    do {
      try {
        answer =
            http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(origin + "/actuator/health/readiness"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (answer.statusCode() == 200) {
        return json(answer);
      }
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
      sleep(Duration.ofMillis(100));
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("Never ready: " + answer.body() + "\n" + logTail());
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed in order. */
  private void kill() {
    if (app != null) {
      app.kill();
    }
  }

  private JsonNode submission(String submissionId) {
    HttpResponse<String> answer = recruiter.get("/api/submissions/" + submissionId);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer);
  }

  private JsonNode await(String submissionId, Predicate<JsonNode> condition, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode answer;
    do {
      answer = submission(submissionId);
      if (condition.test(answer)) {
        return answer;
      }
      sleep(Duration.ofMillis(200));
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("Never saw " + what + ": " + answer + "\n" + logTail());
  }

  private static int comment(Browser client, String submissionId, String body) {
    return client
        .postJson(
            "/api/portal/submissions/" + submissionId + "/comments",
            "{\"body\":%s}".formatted(quote(body)))
        .statusCode();
  }

  /** Waits for at least {@code count} emails whose subject contains the text, oldest first. */
  private List<MimeMessage> awaitMails(String to, String subject, int count) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (mailTo(to, subject).size() < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "Only " + mailTo(to, subject).size() + " emails \"" + subject + "\"\n" + logTail());
      }
      sleep(Duration.ofMillis(200));
    }
    return mailTo(to, subject);
  }

  private void awaitMail(String to, Predicate<String> subject) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (TestMail.to(to).stream().map(TestMail::subjectOf).anyMatch(subject)) {
        return;
      }
      sleep(Duration.ofMillis(200));
    }
    throw new AssertionError("No such email to " + to + " arrived\n" + logTail());
  }

  private Browser signIn(MimeMessage email) {
    String link = TestMail.portalLinks(email).get(0);
    Browser browser = new Browser(origin);
    HttpResponse<String> session =
        browser.postJson(
            "/api/portal/session",
            "{\"token\":%s}".formatted(quote(link.substring(link.indexOf("token=") + 6))));
    assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
    return browser;
  }

  private static List<MimeMessage> mailTo(String to, String subjectPart) {
    return TestMail.to(to).stream()
        .filter(m -> TestMail.subjectOf(m).contains(subjectPart))
        .toList();
  }

  private static List<String> subjectsTo(String to, String subjectPart) {
    return mailTo(to, subjectPart).stream().map(TestMail::subjectOf).toList();
  }

  private static Instant emailTime(JsonNode submission, String kind, int index) {
    List<Instant> times = new ArrayList<>();
    for (JsonNode email : submission.get("emails")) {
      if (email.get("kind").asText().equals(kind)) {
        times.add(Instant.parse(email.get("at").asText()));
      }
    }
    times.sort(null);
    return times.get(index);
  }

  private String logTail() {
    return app == null ? "(not started)" : app.logTail(40);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("portal-kill-");
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
