package com.hirepilot.app.portal;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.submission.SubmissionChanged;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestFiles;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances, A and B, on one PostgreSQL database and one Temporal frontend (A's embedded
 * server): a change made through B reaches the event streams open on A within two seconds, far
 * inside the 25 s heartbeat, so it came by LISTEN/NOTIFY (package {@code live}). It lives here, not
 * in {@code live}, for the portal's stream reader ({@link EventStream}).
 */
class LiveEventsAcrossInstancesTests {

  /** The goal is a second; two leave room for a busy build machine. */
  static final Duration LIVE = Duration.ofSeconds(2);

  static final Duration SETUP = Duration.ofSeconds(30);

  static final TestRuntime A = TestRuntime.onNewPostgresDatabase();
  static final TestRuntime B = TestRuntime.anotherInstanceOf(A);

  static ConfigurableApplicationContext appA;
  static ConfigurableApplicationContext appB;

  final RecruiterApi recruiterOnA = new RecruiterApi(A.origin(), TestRuntime.RECRUITER_TOKEN);
  final RecruiterApi recruiterOnB = new RecruiterApi(B.origin(), TestRuntime.RECRUITER_TOKEN);

  @BeforeAll
  static void startBothInstances() {
    appA =
        new SpringApplicationBuilder(HirePilotApplication.class)
            .initializers(A.initializer())
            .run();
    // B is a worker on A's Temporal server, as instances share one frontend in production.
    appB =
        new SpringApplicationBuilder(HirePilotApplication.class)
            .initializers(B.initializer())
            .run("--temporal.target=127.0.0.1:" + A.temporalPort);
  }

  @AfterAll
  static void stopBothInstances() {
    if (appB != null) {
      appB.close();
    }
    if (appA != null) {
      appA.close();
    }
  }

  record Submitted(String jobId, String submissionId, String clientEmail, String candidateName) {}

  /** A job with one client and a candidate submitted to it, made through A. */
  Submitted submitted() {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String jobId =
        recruiterOnA.create(
            "/api/jobs",
            "{\"title\":\"Live Engineer %s\",\"clientCompany\":\"Live Co %s\"}".formatted(u, u));
    String clientEmail = "live-" + u + "@client.test";
    recruiterOnA.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s,\"name\":\"Casey %s\"}".formatted(quote(clientEmail), u));
    String name = "Jordan " + u;
    String candidateId =
        recruiterOnA.create(
            "/api/candidates",
            "{\"name\":%s,\"title\":\"Staff Engineer\",\"skills\":[\"Java\"]}"
                .formatted(quote(name)));
    String resumeId =
        json(recruiterOnA.upload(candidateId, "cv.pdf", TestFiles.pdf("cv"), "RESUME", true))
            .get("id")
            .asText();
    String submissionId =
        recruiterOnA.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"message\":\"A strong match.\",\"attachmentIds\":[%s]}"
                .formatted(quote(candidateId), quote(resumeId)));
    return new Submitted(jobId, submissionId, clientEmail, name);
  }

  /** The client, signed in on the given instance with the link of the submission's email. */
  static Browser clientOn(TestRuntime instance, Submitted s) {
    String link =
        TestMail.portalLinks(
                TestMail.awaitMessage(
                    s.clientEmail(),
                    subject ->
                        subject.startsWith("New candidate for")
                            && subject.endsWith(s.candidateName())))
            .get(0);
    Browser client = new Browser(instance.origin());
    assertThat(client.signInWith(link)).isEqualTo(200);
    return client;
  }

  /** The client, signed in on the given instance with a fresh link she asked for there. */
  static Browser clientWithFreshLinkOn(TestRuntime instance, String email) {
    Browser client = new Browser(instance.origin());
    String page = client.get("/portal/access").body();
    HttpResponse<String> asked =
        client.postForm("/portal/access", Map.of("email", email, "_csrf", Browser.csrfField(page)));
    assertThat(asked.statusCode()).isEqualTo(302);
    String link =
        TestMail.portalLinks(TestMail.awaitMessage(email, s -> s.contains("sign-in link"))).get(0);
    assertThat(client.signInWith(link)).isEqualTo(200);
    return client;
  }

  static String events(String jobId) {
    return "/api/portal/jobs/" + jobId + "/events";
  }

  static boolean line(EventStream.Event event, String type, String submissionId) {
    return "activity".equals(event.name())
        && type.equals(event.json().path("type").asText())
        && submissionId.equals(event.json().path("submissionId").asText());
  }

  @Test
  void aRecruitersCommentThroughBReachesAClientsStreamOpenOnAWithinTwoSeconds() {
    Submitted s = submitted();
    Browser client = clientOn(A, s);

    try (EventStream stream = EventStream.open(client, events(s.jobId()))) {
      assertThat(stream.status()).isEqualTo(200);
      stream.await(e -> line(e, "SUBMITTED", s.submissionId()), SETUP, "'was submitted'");

      HttpResponse<String> reply =
          recruiterOnB.post(
              "/api/submissions/" + s.submissionId() + "/comments",
              "{\"body\":\"Happy to answer, from B.\"}");
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

      stream.await(e -> line(e, "COMMENTED", s.submissionId()), LIVE, "of B's comment on A");
    }
  }

  @Test
  void aClientsDecisionThroughBReachesHerStreamOpenOnAWithinTwoSeconds() {
    Submitted s = submitted();
    Browser onA = clientOn(A, s);
    Browser onB = clientWithFreshLinkOn(B, s.clientEmail());

    try (EventStream stream = EventStream.open(onA, events(s.jobId()))) {
      stream.await(e -> line(e, "SUBMITTED", s.submissionId()), SETUP, "'was submitted'");
      // The decision's activity line is written once the submission is waiting for it.
      awaitStatus(s.submissionId(), "AWAITING_FEEDBACK");

      HttpResponse<String> decided =
          onB.postJson(
              "/api/portal/submissions/" + s.submissionId() + "/decision",
              "{\"decision\":\"APPROVE\"}");
      assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

      stream.await(e -> line(e, "APPROVED", s.submissionId()), LIVE, "of the decision on B");
    }
  }

  @Test
  void aConsoleStreamOpenOnAHearsAChangeMadeOnBExactlyOnce() {
    Submitted s = submitted();
    Browser recruiterOnAConsole = new Browser(A.origin());
    assertThat(
            recruiterOnAConsole
                .signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD)
                .statusCode())
        .isEqualTo(302);
    Browser recruiterOnBConsole = new Browser(B.origin());
    assertThat(
            recruiterOnBConsole
                .signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD)
                .statusCode())
        .isEqualTo(302);

    try (EventStream onA = EventStream.open(recruiterOnAConsole, "/console/events");
        EventStream onB = EventStream.open(recruiterOnBConsole, "/console/events")) {
      assertThat(onA.status()).isEqualTo(200);
      assertThat(onB.status()).isEqualTo(200);

      HttpResponse<String> reply =
          recruiterOnB.post(
              "/api/submissions/" + s.submissionId() + "/comments",
              "{\"body\":\"Noted, from B.\"}");
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

      EventStream.Event heard =
          onA.await(e -> line(e, "COMMENTED", s.submissionId()), LIVE, "of B's comment on A");
      assertThat(heard.json().path("jobId").asText()).isEqualTo(s.jobId());

      // Told once on each instance: B's own notification is not delivered again on B, and A does
      // not send what it relayed back to B.
      onA.drain(Duration.ofSeconds(2));
      onB.drain(Duration.ofMillis(200));
      assertThat(onA.received().stream().filter(e -> line(e, "COMMENTED", s.submissionId())))
          .hasSize(1);
      assertThat(onB.received().stream().filter(e -> line(e, "COMMENTED", s.submissionId())))
          .hasSize(1);
    }
  }

  @Test
  void aRolledBackTransactionNotifiesNobodyAndACommittedOneDoes() throws Exception {
    String rolledBack = "rolled-back-" + UUID.randomUUID();
    String committed = "committed-" + UUID.randomUUID();
    try (Connection listening = DriverManager.getConnection(A.postgresUrl, "postgres", "")) {
      try (Statement statement = listening.createStatement()) {
        statement.execute("listen hirepilot_events");
      }
      TransactionTemplate transaction =
          new TransactionTemplate(appA.getBean(PlatformTransactionManager.class));
      transaction.executeWithoutResult(
          status -> {
            appA.publishEvent(new SubmissionChanged(rolledBack));
            status.setRollbackOnly();
          });
      transaction.executeWithoutResult(
          status -> appA.publishEvent(new SubmissionChanged(committed)));

      List<String> payloads = new ArrayList<>();
      Instant deadline = Instant.now().plus(LIVE);
      PGConnection postgres = listening.unwrap(PGConnection.class);
      while (Instant.now().isBefore(deadline)
          && payloads.stream().noneMatch(p -> p.contains(committed))) {
        PGNotification[] notifications = postgres.getNotifications(200);
        if (notifications != null) {
          for (PGNotification n : notifications) {
            payloads.add(n.getParameter());
          }
        }
      }
      assertThat(payloads)
          .anyMatch(p -> p.contains(committed))
          .noneMatch(p -> p.contains(rolledBack));
    }
  }

  @Test
  void afterItsListeningConnectionBreaksAnInstanceListensAgainWithinSeconds() throws Exception {
    Submitted s = submitted();
    Browser client = clientOn(A, s);
    JdbcClient jdbc = appA.getBean(JdbcClient.class);

    try (EventStream stream = EventStream.open(client, events(s.jobId()))) {
      stream.await(e -> line(e, "SUBMITTED", s.submissionId()), SETUP, "'was submitted'");

      List<Integer> ended =
          jdbc.sql(
                  """
                  select pid from pg_stat_activity
                  where datname = current_database() and application_name = 'hirepilot-live-events'
                  """)
              .query(Integer.class)
              .list();
      assertThat(ended).as("A's and B's listening connections").hasSize(2);
      for (int pid : ended) {
        jdbc.sql("select pg_terminate_backend(?)").param(pid).query(Boolean.class).single();
      }
      // A terminated backend can linger in pg_stat_activity for a moment, still showing its
      // LISTEN: only the instances' new connections count, or B's comment could go out before A
      // listens again (and reach A only at its heartbeat).
      awaitListeners(jdbc, 2, ended, Duration.ofSeconds(10));

      HttpResponse<String> reply =
          recruiterOnB.post(
              "/api/submissions/" + s.submissionId() + "/comments",
              "{\"body\":\"Still live, from B.\"}");
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
      stream.await(e -> line(e, "COMMENTED", s.submissionId()), LIVE, "of B's comment on A");
    }
  }

  static void awaitListeners(JdbcClient jdbc, int count, List<Integer> ended, Duration within)
      throws SQLException {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      long listening =
          jdbc
              .sql(
                  """
                  select pid from pg_stat_activity
                  where datname = current_database() and application_name = 'hirepilot-live-events'
                    and query ilike 'listen%'
                  """)
              .query(Integer.class)
              .list()
              .stream()
              .filter(pid -> !ended.contains(pid))
              .count();
      if (listening == count) {
        return;
      }
      TestMail.sleep();
    }
    throw new AssertionError("The instances did not listen again within " + within);
  }

  void awaitStatus(String submissionId, String status) {
    Instant deadline = Instant.now().plus(SETUP);
    while (Instant.now().isBefore(deadline)) {
      if (status.equals(
          json(recruiterOnA.get("/api/submissions/" + submissionId)).path("status").asText())) {
        return;
      }
      TestMail.sleep();
    }
    throw new AssertionError("Submission " + submissionId + " never reached " + status);
  }
}
