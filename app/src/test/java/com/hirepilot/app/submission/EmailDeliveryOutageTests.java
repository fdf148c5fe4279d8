package com.hirepilot.app.submission;

import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.notification.EmailDeliveries;
import com.hirepilot.app.notification.EmailDelivery;
import com.hirepilot.app.notification.EmailDelivery.Status;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestPorts;
import com.hirepilot.app.testing.TestRuntime;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Delivery as support sees it when the relay misbehaves: each recipient's email is its own record
 * and its own Temporal activity, so the log says {@code RETRYING} (not {@code FAILED}) while
 * Temporal retries, every email arrives once when the relay is back, and one recipient the relay
 * hangs on holds up nobody else.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnOwnSmtp.class)
class EmailDeliveryOutageTests {

  @Autowired EmailDeliveries deliveries;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private final TestRuntime runtime = TestRuntime.ownSmtp();
  private final RecruiterApi recruiter =
      new RecruiterApi(runtime.origin(), TestRuntime.RECRUITER_TOKEN);

  @Test
  void withTheRelayDownEachRecipientIsRetryingAndOnceItIsBackEachEmailArrivesOnce()
      throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    List<String> clients =
        List.of("ana", "ben", "cy").stream().map(n -> n + "-" + unique + "@client.test").toList();
    // Nothing listens on the app's SMTP port: every attempt is refused.
    String submissionId = submitTo(clients);

    awaitUntil(
        () ->
            deliveries.forSubmission(submissionId).stream()
                    .filter(d -> d.status() == Status.RETRYING)
                    .count()
                == 3,
        Duration.ofSeconds(30));
    for (EmailDelivery retrying : deliveries.forSubmission(submissionId)) {
      assertThat(retrying.attempts()).isPositive();
      assertThat(retrying.error()).containsIgnoringCase("connect");
      assertThat(retrying.nextAttemptAt()).isAfter(retrying.statusAt());
    }
    assertThat(recruiterStatus(submissionId)).isEqualTo("SENDING");

    GreenMail relay = new GreenMail(new ServerSetup(runtime.smtpPort(), "127.0.0.1", "smtp"));
    relay.start();
    try {
      awaitUntil(
          () ->
              deliveries.forSubmission(submissionId).stream()
                  .allMatch(d -> d.status() == Status.SENT),
          Duration.ofSeconds(60));
      for (String client : clients) {
        assertThat(messagesTo(relay, client)).as(client).hasSize(1);
      }
      for (EmailDelivery sent : deliveries.forSubmission(submissionId)) {
        assertThat(sent.history())
            .extracting(EmailDelivery.StatusChange::status)
            .startsWith(Status.QUEUED, Status.RETRYING)
            .endsWith(Status.RETRYING, Status.SENT)
            .doesNotContain(Status.FAILED);
        assertThat(sent.error()).isNull();
        assertThat(sent.nextAttemptAt()).isNull();
      }
      awaitUntil(
          () -> recruiterStatus(submissionId).equals("AWAITING_FEEDBACK"), Duration.ofSeconds(30));
    } finally {
      relay.stop();
    }
  }

  @Test
  void aRecipientTheRelayHangsOnDoesNotHoldUpTheOthers() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String hung = "hung-" + unique + "@client.test";
    List<String> others =
        List.of("dee", "eve").stream().map(n -> n + "-" + unique + "@client.test").toList();
    GreenMail relay = new GreenMail(new ServerSetup(TestPorts.free(), "127.0.0.1", "smtp"));
    relay.start();
    try (StallingProxy proxy =
        new StallingProxy(runtime.smtpPort(), relay.getSmtp().getPort(), hung)) {
      String submissionId = submitTo(List.of(hung, others.get(0), others.get(1)));

      awaitUntil(
          () -> others.stream().allMatch(o -> messagesTo(relay, o).size() == 1),
          Duration.ofSeconds(30));
      // The others arrived while the hung recipient's attempt had not returned even once yet, or
      // was failing on the read timeout and being retried: it never went out.
      assertThat(messagesTo(relay, hung)).isEmpty();
      EmailDelivery stuck = deliveryTo(submissionId, hung);
      assertThat(stuck.status()).isIn(Status.QUEUED, Status.RETRYING);
      for (String other : others) {
        assertThat(deliveryTo(submissionId, other).status()).isEqualTo(Status.SENT);
      }
      awaitUntil(() -> hasStatus(submissionId, hung, Status.RETRYING), Duration.ofSeconds(30));
      assertThat(deliveryTo(submissionId, hung).error()).containsIgnoringCase("timed out");
      assertThat(proxy.stalled).isNotEmpty();

      // The relay recovers: the retried email goes out once, and nothing is left retrying.
      proxy.release();
      awaitUntil(() -> hasStatus(submissionId, hung, Status.SENT), Duration.ofSeconds(90));
      assertThat(messagesTo(relay, hung)).hasSize(1);
    } finally {
      relay.stop();
    }
  }

  @Test
  void aRecipientTheRelayRefusesForGoodIsFailedAtOnceAndNeedsAttention() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String refused = "gone-" + unique + "@client.test";
    String other = "fay-" + unique + "@client.test";
    GreenMail relay = new GreenMail(new ServerSetup(TestPorts.free(), "127.0.0.1", "smtp"));
    relay.start();
    try (StallingProxy proxy =
        new StallingProxy(runtime.smtpPort(), relay.getSmtp().getPort(), null, refused)) {
      String submissionId = submitTo(List.of(refused, other));

      awaitUntil(() -> hasStatus(submissionId, refused, Status.FAILED), Duration.ofSeconds(30));
      EmailDelivery failed = deliveryTo(submissionId, refused);
      // A permanent refusal is not retried: one attempt, and the relay's words are kept.
      assertThat(failed.attempts()).isEqualTo(1);
      assertThat(failed.error()).contains("550 5.1.1").contains("mailbox does not exist");
      assertThat(failed.history())
          .extracting(EmailDelivery.StatusChange::status)
          .containsExactly(Status.QUEUED, Status.FAILED);
      // The relay has the message a moment before the delivery's record says SENT.
      awaitUntil(() -> hasStatus(submissionId, other, Status.SENT), Duration.ofSeconds(30));
      assertThat(messagesTo(relay, other)).hasSize(1);
      // The round went out to everyone it could reach; the recruiter is told about the rest.
      awaitUntil(
          () -> recruiterStatus(submissionId).equals("AWAITING_FEEDBACK"), Duration.ofSeconds(30));
      assertThat(deliveries.failingSubmissionsOf(workspaceOf(submissionId))).contains(submissionId);
    } finally {
      relay.stop();
    }
  }

  private String workspaceOf(String submissionId) {
    return jdbc.sql("select workspace_id from submission where id = ?")
        .param(submissionId)
        .query(String.class)
        .single();
  }

  private String submitTo(List<String> clients) {
    String jobId = recruiter.create("/api/jobs", "{\"title\":\"Platform Engineer\"}");
    for (String client : clients) {
      recruiter.create(
          "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(client)));
    }
    String candidateId = recruiter.create("/api/candidates", "{\"name\":\"Noor Haddad\"}");
    return recruiter.create(
        "/api/jobs/" + jobId + "/submissions",
        "{\"candidateId\":%s}".formatted(quote(candidateId)));
  }

  private String recruiterStatus(String submissionId) {
    return RecruiterApi.json(recruiter.get("/api/submissions/" + submissionId))
        .get("status")
        .asText();
  }

  /**
   * Whether the address's delivery is recorded yet, with that status (it is queued in the
   * background).
   */
  private boolean hasStatus(String submissionId, String address, Status status) {
    return deliveries.forSubmission(submissionId).stream()
        .anyMatch(d -> d.recipient().equals(address) && d.status() == status);
  }

  private EmailDelivery deliveryTo(String submissionId, String address) {
    return deliveries.forSubmission(submissionId).stream()
        .filter(d -> d.recipient().equals(address))
        .findFirst()
        .orElseThrow();
  }

  private static List<MimeMessage> messagesTo(GreenMail server, String address) {
    return Arrays.stream(server.getReceivedMessages())
        .filter(m -> TestMail.recipients(m).contains(address))
        .toList();
  }

  private static void awaitUntil(BooleanSupplier condition, Duration limit)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + limit);
      }
      Thread.sleep(100);
    }
  }

  /**
   * Passes SMTP through to a real server, except that a session naming the hung address as its
   * recipient goes silent at that command: the relay "hangs" on that one recipient.
   */
  static final class StallingProxy implements AutoCloseable {
    final ServerSocket socket;
    final List<Socket> open = new CopyOnWriteArrayList<>();
    final List<Instant> stalled = new CopyOnWriteArrayList<>();

    private volatile boolean stalling = true;

    void release() {
      stalling = false;
    }

    StallingProxy(int port, int target, String hungAddress) throws IOException {
      this(port, target, hungAddress, null);
    }

    /**
     * @param refusedAddress a recipient the "relay" refuses for good (550), or null
     */
    StallingProxy(int port, int target, String hungAddress, String refusedAddress)
        throws IOException {
      socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    Socket client = socket.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(server);
                    pump(server.getInputStream(), client.getOutputStream());
                    forwardCommands(client, server, hungAddress, refusedAddress);
                  } catch (IOException closed) {
                    return;
                  }
                }
              },
              "stalling-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void forwardCommands(
        Socket client, Socket server, String hungAddress, String refusedAddress) {
      Thread commands =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(
                            client.getInputStream(), StandardCharsets.ISO_8859_1))) {
                  OutputStream out = server.getOutputStream();
                  String line;
                  while ((line = in.readLine()) != null) {
                    if (refusedAddress != null
                        && line.toUpperCase(Locale.ROOT).startsWith("RCPT TO:")
                        && line.toLowerCase(Locale.ROOT).contains(refusedAddress)) {
                      OutputStream reply = client.getOutputStream();
                      reply.write(
                          ("550 5.1.1 <" + refusedAddress + ">: mailbox does not exist\r\n")
                              .getBytes(StandardCharsets.ISO_8859_1));
                      reply.flush();
                      continue;
                    }
                    if (hungAddress != null
                        && stalling
                        && line.toUpperCase(Locale.ROOT).startsWith("RCPT TO:")
                        && line.toLowerCase(Locale.ROOT).contains(hungAddress)) {
                      stalled.add(Instant.now());
                      // Never forwarded, never answered, and the connection stays open.
                      while (stalling && !socket.isClosed()) {
                        Thread.sleep(100);
                      }
                      return;
                    }
                    out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                  }
                } catch (IOException closed) {
                  // The client gave up (its read timeout) or the test ended.
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "stalling-smtp-commands");
      commands.setDaemon(true);
      commands.start();
    }

    private static void pump(InputStream from, OutputStream to) {
      Thread replies =
          new Thread(
              () -> {
                try {
                  from.transferTo(to);
                } catch (IOException closed) {
                  // Either side closed.
                }
              },
              "stalling-smtp-replies");
      replies.setDaemon(true);
      replies.start();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : open) {
        s.close();
      }
    }
  }
}
