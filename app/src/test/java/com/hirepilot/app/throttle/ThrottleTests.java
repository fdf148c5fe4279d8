package com.hirepilot.app.throttle;

import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * security.md lines 11 and 25 with the shipped limits: links per address and per IP, sign-ins per
 * IP, comments per client, and a burst of comments reaching the recruiter as a digest. The app
 * takes the client's IP from X-Forwarded-For here, so each test knocks from IPs of its own.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnThrottled.class)
class ThrottleTests {

  final String origin = TestRuntime.throttled().origin();
  final RecruiterApi recruiter = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  record Submitted(String clientEmail, String candidateName, String submissionId, String link) {}

  Submitted submitted() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String clientEmail = "t-" + unique + "@client.test";
    String candidateName = "Ari " + unique;
    String jobId = recruiter.create("/api/jobs", "{\"title\":\"Data Engineer " + unique + "\"}");
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(clientEmail)));
    String candidateId =
        recruiter.create("/api/candidates", "{\"name\":%s}".formatted(quote(candidateName)));
    String submissionId =
        recruiter.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s}".formatted(quote(candidateId)));
    MimeMessage email = TestMail.awaitMessage(clientEmail, s -> s.contains(candidateName));
    return new Submitted(
        clientEmail, candidateName, submissionId, TestMail.portalLinks(email).get(0));
  }

  static String csrf(String html) {
    return Browser.csrfField(html);
  }

  static HttpResponse<String> askForLink(Browser browser, String email) {
    String page = browser.get("/portal/access").body();
    return browser.postForm("/portal/access", Map.of("email", email, "_csrf", csrf(page)));
  }

  static String answer(HttpResponse<String> response) {
    return response.statusCode()
        + " "
        + response.headers().firstValue("Location").orElse("")
        + " "
        + response.body();
  }

  static List<MimeMessage> linkEmailsTo(String address) {
    return TestMail.to(address).stream()
        .filter(m -> TestMail.subjectOf(m).contains("sign-in link"))
        .toList();
  }

  @Test
  void twentyFiveRequestsForOneAddressSendAtMostFiveEmailsAndAnswerLikeAStrangers() {
    Submitted client = submitted();
    String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    Browser fromClientsOffice = new Browser(origin, "203.0.113.10");
    Browser fromElsewhere = new Browser(origin, "203.0.113.11");

    for (int i = 0; i < 25; i++) {
      String forClient = answer(askForLink(fromClientsOffice, client.clientEmail()));
      String forStranger = answer(askForLink(fromElsewhere, stranger));
      assertThat(forClient).as("request %d", i + 1).isEqualTo(forStranger);
      assertThat(forClient).startsWith("302 ").contains("/portal/access?sent");
    }

    // The emails go out in the background; give the last ones time to arrive.
    awaitQuiet(() -> linkEmailsTo(client.clientEmail()).size());
    assertThat(linkEmailsTo(client.clientEmail())).hasSizeBetween(1, 5);
  }

  @Test
  void linkRequestsFromOneIpAreRefusedWith429AndRetryAfterWhoeverTheyAreFor() {
    Submitted client = submitted();
    Browser scanner = new Browser(origin, "203.0.113.20");
    for (int i = 0; i < 30; i++) {
      String address = i % 2 == 0 ? client.clientEmail() : "x" + i + "@client.test";
      assertThat(askForLink(scanner, address).statusCode()).as("request %d", i + 1).isEqualTo(302);
    }
    HttpResponse<String> forClient = askForLink(scanner, client.clientEmail());
    HttpResponse<String> forStranger = askForLink(scanner, "someone@client.test");
    for (HttpResponse<String> refused : List.of(forClient, forStranger)) {
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
          .isPositive();
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("text/html");
    }
    assertThat(forClient.body()).isEqualTo(forStranger.body());
    assertThat(forClient.body())
        .contains("<title>Too many attempts · HirePilot</title>")
        .contains("Wait a few minutes");
    // Another IP is not affected.
    assertThat(askForLink(new Browser(origin, "203.0.113.21"), "a@client.test").statusCode())
        .isEqualTo(302);
  }

  @Test
  void signInAttemptsFromOneIpAreLimitedOnTheFormAndTheApi() {
    Browser guesser = new Browser(origin, "203.0.113.30");
    String csrf = csrf(guesser.get("/portal/access").body());
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> guess =
          guesser.postForm("/portal/login", Map.of("token", "guess-" + i, "_csrf", csrf));
      assertThat(guess.statusCode()).as("attempt %d", i + 1).isEqualTo(302);
    }
    HttpResponse<String> form =
        guesser.postForm("/portal/login", Map.of("token", "guess-31", "_csrf", csrf));
    assertThat(form.statusCode()).isEqualTo(429);
    assertThat(form.headers().firstValue("Retry-After")).isPresent();

    HttpResponse<String> api = guesser.postJson("/api/portal/session", "{\"token\":\"guess\"}");
    assertThat(api.statusCode()).isEqualTo(429);
    assertThat(api.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");
    assertThat(Long.parseLong(api.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(RecruiterApi.json(api).get("status").asInt()).isEqualTo(429);
  }

  @Test
  void aHundredCommentsInAMinuteReachTheRecruiterInAtMostThreeEmails() {
    Submitted client = submitted();
    Browser browser = new Browser(origin, "203.0.113.40");
    assertThat(browser.signInWith(client.link())).isEqualTo(200);

    List<String> accepted = new ArrayList<>();
    int refused = 0;
    Instant began = Instant.now();
    for (int i = 1; i <= 100; i++) {
      String body = "Comment number " + i + " on " + client.candidateName();
      HttpResponse<String> posted =
          browser.postJson(
              "/api/portal/submissions/" + client.submissionId() + "/comments",
              "{\"body\":%s}".formatted(quote(body)));
      if (posted.statusCode() == 201) {
        accepted.add(body);
      } else {
        assertThat(posted.statusCode()).isEqualTo(429);
        assertThat(posted.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = RecruiterApi.json(posted);
        assertThat(problem.get("detail").asText()).contains("many comments");
        refused++;
      }
    }
    assertThat(Duration.between(began, Instant.now())).isLessThan(Duration.ofMinutes(1));
    // The shipped limit is 20 per 10 minutes, refilled smoothly.
    assertThat(accepted).hasSizeBetween(20, 22);
    assertThat(refused).isEqualTo(100 - accepted.size());

    // The first email goes at once with what is on record by then (usually the first comment
    // alone); the rest come together when the digest window (3 s in tests) closes.
    String lastAccepted = accepted.get(accepted.size() - 1);
    TestMail.awaitMessage(
        TestRuntime.RECRUITER_EMAIL, s -> s.contains("new comments on " + client.candidateName()));
    awaitQuiet(() -> commentEmails(client).size());
    List<MimeMessage> emails = commentEmails(client);
    assertThat(emails).hasSizeBetween(1, 3);
    assertThat(TestMail.part(emails.get(emails.size() - 1), "text/plain")).contains(lastAccepted);
    String everything =
        String.join("\n", emails.stream().map(m -> TestMail.part(m, "text/plain")).toList())
            .replace("\r\n", "\n");
    for (String body : accepted) {
      int first = everything.indexOf(body + "\n");
      assertThat(first).as(body).isNotNegative();
      assertThat(everything.indexOf(body + "\n", first + 1)).as(body + " only once").isNegative();
    }
  }

  private static List<MimeMessage> commentEmails(Submitted client) {
    return TestMail.to(TestRuntime.RECRUITER_EMAIL).stream()
        .filter(m -> TestMail.subjectOf(m).contains(client.candidateName()))
        .filter(m -> TestMail.subjectOf(m).contains("comment"))
        .toList();
  }

  /** Waits until the count has not changed for a few seconds (async email has settled). */
  private static void awaitQuiet(java.util.function.IntSupplier count) {
    int last = -1;
    Instant stableSince = Instant.now();
    Instant deadline = Instant.now().plusSeconds(40);
    while (Instant.now().isBefore(deadline)) {
      int now = count.getAsInt();
      if (now != last) {
        last = now;
        stableSince = Instant.now();
      } else if (Duration.between(stableSince, Instant.now()).toSeconds() >= 5) {
        return;
      }
      TestMail.sleep();
    }
  }
}
