package com.hirepilot.app.submission;

import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * An SMTP server that accepts the connection and never greets. Jakarta Mail would wait for it for
 * ever; with the read timeout the attempt fails, Temporal retries it, and once a real server
 * answers the client gets exactly one email whose link works.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnOwnSmtp.class)
class HungSmtpServerTests {

  @Autowired JdbcClient jdbc;

  /** Accepts connections, holds them open and never writes a byte. */
  static final class SilentServer implements AutoCloseable {
    final ServerSocket socket;
    final List<Instant> connections = new CopyOnWriteArrayList<>();
    final List<Socket> held = new CopyOnWriteArrayList<>();

    SilentServer(int port) throws IOException {
      socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    held.add(socket.accept());
                    connections.add(Instant.now());
                  } catch (IOException closed) {
                    return;
                  }
                }
              },
              "silent-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aServerThatNeverGreetsFailsTheAttemptAndARetryThroughARealServerSendsOneWorkingEmail()
      throws Exception {
    TestRuntime runtime = TestRuntime.ownSmtp();
    RecruiterApi recruiter = new RecruiterApi(runtime.origin(), TestRuntime.RECRUITER_TOKEN);
    String clientEmail = "hung-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    String submissionId;

    try (SilentServer silent = new SilentServer(runtime.smtpPort())) {
      String jobId = recruiter.create("/api/jobs", "{\"title\":\"Site Reliability Engineer\"}");
      recruiter.create(
          "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(clientEmail)));
      String candidateId = recruiter.create("/api/candidates", "{\"name\":\"Robin Hale\"}");
      submissionId =
          recruiter.create(
              "/api/jobs/" + jobId + "/submissions",
              "{\"candidateId\":%s}".formatted(quote(candidateId)));

      awaitUntil(() -> silent.connections.size() >= 2, Duration.ofSeconds(30));
      Duration betweenAttempts =
          Duration.between(silent.connections.get(0), silent.connections.get(1));
      // Timeout (1.5 s) plus the first backoff (1 s): far inside the one-minute start-to-close.
      assertThat(betweenAttempts).isLessThan(Duration.ofSeconds(10));
      // Temporal is still trying: the record says so, with the attempt's error.
      awaitUntil(
          () ->
              jdbc.sql(
                          "select count(*) from email_delivery where submission_id = ?"
                              + " and status = 'RETRYING'")
                      .param(submissionId)
                      .query(Integer.class)
                      .single()
                  == 1,
          Duration.ofSeconds(30));
      String error =
          jdbc.sql(
                  "select error from email_delivery where submission_id = ? and status = 'RETRYING'")
              .param(submissionId)
              .query(String.class)
              .single();
      assertThat(error).containsIgnoringCase("timed out");
    }

    GreenMail real = new GreenMail(new ServerSetup(runtime.smtpPort(), "127.0.0.1", "smtp"));
    real.start();
    try {
      awaitUntil(() -> messagesTo(real, clientEmail).size() >= 1, Duration.ofSeconds(60));
      // A retry that was already under way must not send a second copy.
      Thread.sleep(3 * TestRuntime.OWN_SMTP_TIMEOUT.toMillis());
      List<MimeMessage> received = messagesTo(real, clientEmail);
      assertThat(received).hasSize(1);
      String link = TestMail.portalLinks(received.get(0)).get(0);

      int workingLinks =
          jdbc.sql(
                  """
                  select count(*) from login_token t join collaborator c on c.id = t.collaborator_id
                   where c.email = ? and t.used_at is null
                  """)
              .param(clientEmail)
              .query(Integer.class)
              .single();
      assertThat(workingLinks).as("the failed attempts' links were replaced").isEqualTo(1);
      Browser client = new Browser(runtime.origin());
      assertThat(client.signInWith(link)).isEqualTo(200);
      assertThat(
              jdbc.sql("select status from email_delivery where submission_id = ?")
                  .param(submissionId)
                  .query(String.class)
                  .list())
          .containsExactly("SENT");
      assertThat(threadsWaitingOnSmtp()).as("activity threads blocked in SMTP").isEmpty();
    } finally {
      real.stop();
    }
  }

  private static List<MimeMessage> messagesTo(GreenMail server, String address) {
    return Arrays.stream(server.getReceivedMessages())
        .filter(m -> TestMail.recipients(m).contains(address))
        .toList();
  }

  private static List<String> threadsWaitingOnSmtp() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(
            e ->
                Arrays.stream(e.getValue())
                    .anyMatch(
                        frame ->
                            frame.getClassName().startsWith("org.eclipse.angus.mail.smtp")
                                || frame.getClassName().startsWith("com.sun.mail.smtp")))
        .map(e -> e.getKey().getName())
        .toList();
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration limit)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + limit);
      }
      Thread.sleep(100);
    }
  }
}
