package com.hirepilot.app.instances;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.portal.EventStream;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.JavaProcess;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestFiles;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestPorts;
import com.hirepilot.app.testing.TestRuntime;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two app instances, A and B, each a JVM of its own, on one Temporal frontend (Temporal's test
 * server in a third JVM) and one PostgreSQL database, as behind a load balancer: whatever one
 * instance starts, the other carries on. Mail goes to this test's SMTP server, so every email can
 * be counted.
 */
class SeveralInstancesTests {

  /** Long enough that A is gone before the first reminder is due. */
  private static final String SCHEDULE = "PT25S,PT40S";

  private static final Duration STARTUP = Duration.ofSeconds(150);

  private final String unique = UUID.randomUUID().toString().substring(0, 8);
  private final String token = "instances-token-" + unique + "-0123456789";
  private final String recruiterEmail = "recruiter-" + unique + "@agency.test";
  private final Path logs = tempDir();
  private final List<JavaProcess> processes = new ArrayList<>();

  private JavaProcess temporal;
  private JavaProcess a;
  private JavaProcess b;
  private String originA;
  private String originB;

  @AfterEach
  void stopEverything() {
    processes.forEach(JavaProcess::kill);
  }

  @Test
  void twoInstancesServeOneProductAndCarryOnForEachOther() {
    startTheCluster();
    RecruiterApi viaA = new RecruiterApi(originA, token);
    RecruiterApi viaB = new RecruiterApi(originB, token);
    // Started together on an empty database: one workspace, the same through either instance.
    String workspace = json(viaA.get("/api/workspace")).get("id").asText();
    assertThat(json(viaB.get("/api/workspace")).get("id").asText()).isEqualTo(workspace);

    // A job with a client, and a candidate whose resume is uploaded through A.
    String clientEmail = "client-" + unique + "@acme.test";
    String jobId = job(viaA, "Platform Engineer " + unique, clientEmail);
    String candidateId =
        viaA.create(
            "/api/candidates", "{\"name\":\"Robin %s\",\"skills\":[\"Go\"]}".formatted(unique));
    byte[] resume = TestFiles.pdf("Robin " + unique + " resume");
    HttpResponse<String> uploaded = viaA.upload(candidateId, "robin.pdf", resume, "RESUME", true);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String resumeId = json(uploaded).get("id").asText();
    String submissionId =
        viaA.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"attachmentIds\":[%s]}"
                .formatted(quote(candidateId), quote(resumeId)));
    MimeMessage invitation = awaitMail(clientEmail, "New candidate for", 1).get(0);

    // A portal session made through A works on B, for pages and the JSON API.
    Browser client = new Browser(originA);
    String link = TestMail.portalLinks(invitation).get(0);
    assertThat(client.signInWith(link)).isEqualTo(200);
    HttpResponse<String> jobsOnB = client.get(originB + "/api/portal/jobs");
    assertThat(jobsOnB.statusCode()).as(jobsOnB.body()).isEqualTo(200);
    assertThat(jobsOnB.body()).contains(jobId);
    assertThat(client.get(originB + "/portal/jobs/" + jobId).statusCode()).isEqualTo(200);

    // The file uploaded through A downloads through B, byte for byte.
    HttpResponse<byte[]> download = bytes(client, originB + "/api/portal/attachments/" + resumeId);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(resume);

    // A decision posted through B reaches the event stream open on A within two seconds.
    try (EventStream onA =
        EventStream.open(client, originA + "/api/portal/jobs/" + jobId + "/events")) {
      assertThat(onA.status()).isEqualTo(200);
      onA.await(
          e -> e.detail().contains("was submitted"), Duration.ofSeconds(10), "the first line");
      HttpResponse<String> approved =
          client.postJson(
              originB + "/api/portal/submissions/" + submissionId + "/decision",
              "{\"decision\":\"APPROVE\"}");
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
      Instant decided = Instant.now();
      onA.await(e -> e.detail().contains("approved"), Duration.ofSeconds(2), "the approval on A");
      assertThat(Duration.between(decided, Instant.now())).isLessThan(Duration.ofSeconds(2));
    }
    // The recruiter hears of it once, whichever instance ran its follow-ups.
    awaitMail(recruiterEmail, "approved Robin " + unique, 1);
    quiet(Duration.ofSeconds(3));
    assertThat(mailTo(recruiterEmail, "approved Robin " + unique)).hasSize(1);

    // Ten link requests for one address, split across A and B: one limit of five an hour.
    for (int i = 0; i < 10; i++) {
      Browser asker = new Browser(i % 2 == 0 ? originA : originB);
      String page = asker.get("/portal/access").body();
      HttpResponse<String> asked =
          asker.postForm(
              "/portal/access", Map.of("email", clientEmail, "_csrf", Browser.csrfField(page)));
      assertThat(asked.statusCode()).as("request %d", i + 1).isEqualTo(302);
    }
    awaitQuiet(() -> mailTo(clientEmail, "sign-in link").size());
    assertThat(mailTo(clientEmail, "sign-in link")).hasSizeBetween(1, 5);

    // A second job's submission waits for feedback; A dies hard; B sends its reminders, once each.
    String waitingClient = "waiting-" + unique + "@acme.test";
    String waitingJob = job(viaB, "Data Engineer " + unique, waitingClient);
    String waitingCandidate =
        viaB.create(
            "/api/candidates", "{\"name\":\"Sam %s\",\"skills\":[\"SQL\"]}".formatted(unique));
    String waiting =
        viaA.create(
            "/api/jobs/" + waitingJob + "/submissions",
            "{\"candidateId\":%s,\"attachmentIds\":[]}".formatted(quote(waitingCandidate)));
    awaitMail(waitingClient, "New candidate for", 1);
    // Waiting, as its workflow says: the email's outcome is in its history and the reminder timer
    // is what it waits for. Killed earlier, A could take the email's completion down with it, and
    // the retry would only come after the activity's one-minute timeout.
    awaitWaiting(viaB, waiting);
    a.kill();

    awaitMail(waitingClient, "Reminder:", 2);
    awaitMail(recruiterEmail, "No response yet on Sam " + unique, 1);
    quiet(Duration.ofSeconds(3));
    assertThat(mailTo(waitingClient, "New candidate for")).hasSize(1);
    assertThat(mailTo(waitingClient, "Reminder:")).hasSize(2);
    assertThat(mailTo(recruiterEmail, "No response yet on Sam " + unique)).hasSize(1);
    JsonNode settled = json(viaB.get("/api/submissions/" + waiting));
    assertThat(settled.get("remindersSent").asInt()).isEqualTo(2);
    assertThat(settled.get("status").asText()).isEqualTo("AWAITING_FEEDBACK");
  }

  private void startTheCluster() {
    int temporalPort = TestPorts.free();
    int portA = TestPorts.free();
    int portB = TestPorts.free();
    originA = "http://localhost:" + portA;
    originB = "http://localhost:" + portB;
    temporal =
        track(
            JavaProcess.start(
                "temporal",
                logs,
                Map.of(),
                "io.temporal.testserver.TestServer",
                String.valueOf(temporalPort)));
    temporal.awaitReady(() -> portOpen(temporalPort), Duration.ofSeconds(60));

    String database = TestRuntime.newPostgresDatabase();
    a = track(app("a", portA, temporalPort, database));
    b = track(app("b", portB, temporalPort, database));
    a.awaitReady(() -> ready(originA), STARTUP);
    b.awaitReady(() -> ready(originB), STARTUP);
  }

  private JavaProcess app(String name, int port, int temporalPort, String database) {
    Map<String, String> env = new HashMap<>();
    env.put("SERVER_PORT", String.valueOf(port));
    // Behind one load balancer, both instances email links to the same origin.
    env.put("PORTAL_BASE_URL", "http://localhost:" + port);
    env.put("PORTAL_DATA_DIR", logs.resolve("data-" + name).toString());
    env.put("SPRING_DATASOURCE_URL", database);
    env.put("SPRING_DATASOURCE_USERNAME", "postgres");
    env.put("SPRING_DATASOURCE_PASSWORD", "");
    env.put("TEMPORAL_TARGET", "127.0.0.1:" + temporalPort);
    env.put("PORTAL_BOOTSTRAP_TOKEN", token);
    env.put("PORTAL_BOOTSTRAP_EMAIL", recruiterEmail);
    env.put("PORTAL_DEMO_ENABLED", "false");
    env.put("PORTAL_MAIL_EMBEDDED", "false");
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", String.valueOf(TestMail.port()));
    env.put("PORTAL_REMINDERS_SCHEDULE", SCHEDULE);
    // Temporal's Java test server never hands a dead worker's sticky workflow task to another
    // worker (a real server does after this timeout, 5 s by default), so here every workflow
    // task goes to the shared task queue.
    env.put("TEMPORAL_WORKER_STICKY_SCHEDULE_TO_START_TIMEOUT", "PT0S");
    return JavaProcess.start(name, logs, env, HirePilotApplication.class.getName());
  }

  private void awaitWaiting(RecruiterApi recruiter, String submissionId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode answer;
    do {
      answer = json(recruiter.get("/api/submissions/" + submissionId));
      if (answer.path("live").asBoolean() && !answer.path("nextReminderAt").isNull()) {
        return;
      }
      quiet(Duration.ofMillis(200));
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("The submission's workflow never waited for a reminder: " + answer);
  }

  private JavaProcess track(JavaProcess process) {
    processes.add(process);
    return process;
  }

  private static String job(RecruiterApi recruiter, String title, String clientEmail) {
    String jobId =
        recruiter.create(
            "/api/jobs",
            "{\"title\":%s,\"requirements\":\"Care\",\"clientCompany\":\"Acme\"}"
                .formatted(quote(title)));
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s,\"name\":\"Casey\"}".formatted(quote(clientEmail)));
    return jobId;
  }

  private static boolean ready(String origin) {
    return get(origin + "/actuator/health/readiness").statusCode() == 200;
  }

  private static boolean portOpen(int port) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(java.net.URI.create(url))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<byte[]> bytes(Browser browser, String url) {
    HttpResponse<java.io.InputStream> stream =
        browser.openStream(url, Map.of(), Duration.ofSeconds(10));
    try (var in = stream.body()) {
      byte[] body = in.readAllBytes();
      return new HttpResponse<>() {
        public int statusCode() {
          return stream.statusCode();
        }

        public HttpRequest request() {
          return stream.request();
        }

        public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
          return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
          return stream.headers();
        }

        public byte[] body() {
          return body;
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
          return java.util.Optional.empty();
        }

        public java.net.URI uri() {
          return stream.uri();
        }

        public HttpClient.Version version() {
          return stream.version();
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<MimeMessage> awaitMail(String to, String subjectPart, int count) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (mailTo(to, subjectPart).size() < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "Only "
                + mailTo(to, subjectPart).size()
                + " emails \""
                + subjectPart
                + "\" to "
                + to
                + "\n"
                + (a.isAlive() ? a.logTail(30) : "")
                + "\n"
                + b.logTail(30));
      }
      quiet(Duration.ofMillis(200));
    }
    return mailTo(to, subjectPart);
  }

  /** Waits until a count stops growing for three seconds (emails sent in the background). */
  private static void awaitQuiet(Supplier<Integer> count) {
    int last = -1;
    Instant stableSince = Instant.now();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      int now = count.get();
      if (now != last) {
        last = now;
        stableSince = Instant.now();
      } else if (Duration.between(stableSince, Instant.now()).toSeconds() >= 3) {
        return;
      }
      quiet(Duration.ofMillis(200));
    }
  }

  private static List<MimeMessage> mailTo(String to, String subjectPart) {
    return TestMail.to(to).stream()
        .filter(m -> TestMail.subjectOf(m).contains(subjectPart))
        .toList();
  }

  private static void quiet(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("portal-instances-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
