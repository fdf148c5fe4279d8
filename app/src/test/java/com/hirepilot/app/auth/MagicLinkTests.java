package com.hirepilot.app.auth;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** security.md lines 1–10, 13 and 17, against the running app. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class MagicLinkTests {

  @BeforeAll
  static void allowHostHeader() {
    // The JDK's client refuses to set Host unless told; the test needs a forged one.
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
  }

  @Autowired JdbcClient jdbc;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi recruiter = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  /** Submits a fresh candidate to a fresh job and returns the emailed sign-in link. */
  String emailedLink(String clientEmail) {
    String title = "Job " + UUID.randomUUID();
    String jobId = recruiter.create("/api/jobs", "{\"title\":%s}".formatted(quote(title)));
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(clientEmail)));
    String candidateId = recruiter.create("/api/candidates", "{\"name\":\"Sam Doe\"}");
    recruiter.create(
        "/api/jobs/" + jobId + "/submissions",
        "{\"candidateId\":%s}".formatted(quote(candidateId)));
    var message = TestMail.awaitMessage(clientEmail, s -> s.contains(title));
    List<String> links = TestMail.portalLinks(message);
    assertThat(links).hasSize(1);
    return links.get(0);
  }

  static String uniqueEmail() {
    return "c-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
  }

  static String token(String link) {
    return link.substring(link.indexOf("token=") + 6);
  }

  static String csrf(String html) {
    return Browser.csrfField(html);
  }

  @Test
  void tokensAreLongUrlSafeAndRandom() {
    String a = token(emailedLink(uniqueEmail()));
    String b = token(emailedLink(uniqueEmail()));
    assertThat(a).matches("[A-Za-z0-9_-]{43,}");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void theEmailedTokenAppearsNowhereInTheDatabase() {
    String token = token(emailedLink(uniqueEmail()));
    List<String> tables =
        jdbc.sql("select table_name from information_schema.tables where table_schema = 'PUBLIC'")
            .query(String.class)
            .list();
    assertThat(tables).contains("LOGIN_TOKEN", "EMAIL_DELIVERY", "SUBMISSION_EVENT");
    for (String table : tables) {
      String dump = jdbc.sql("select * from \"" + table + "\"").query().listOfRows().toString();
      assertThat(dump).as(table).doesNotContain(token);
    }
  }

  @Test
  void openingTheLinkNeverUsesItUp() {
    String link = emailedLink(uniqueEmail());
    Browser browser = new Browser(origin);
    browser.head(link);
    browser.get(link);
    browser.get(link);
    HttpResponse<String> page = browser.get(link);
    // Only the portal's own script, which never submits a form: the button is the only way in.
    assertThat(page.body())
        .contains("Continue to the portal")
        .doesNotContainPattern("<script(?! src=\"/portal/assets/portal\\.js\" defer>)");
    HttpResponse<String> login =
        browser.postForm("/portal/login", Map.of("token", token(link), "_csrf", csrf(page.body())));
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow())
        .contains("/portal/submissions/");
  }

  @Test
  void aUsedLinkCannotBeReplayed() {
    String link = emailedLink(uniqueEmail());
    Browser first = new Browser(origin);
    String page = first.get(link).body();
    first.postForm("/portal/login", Map.of("token", token(link), "_csrf", csrf(page)));

    Browser attacker = new Browser(origin);
    HttpResponse<String> again = attacker.get(link);
    assertThat(again.body()).contains("This link has already been used");
    HttpResponse<String> replay =
        attacker.postForm(
            "/portal/login",
            Map.of("token", token(link), "_csrf", csrf(attacker.get("/portal/access").body())));
    assertThat(replay.statusCode()).isEqualTo(302);
    assertThat(replay.headers().firstValue("Location").orElseThrow())
        .contains("/portal/login?invalid");
    assertThat(attacker.get("/api/portal/jobs").statusCode()).isEqualTo(401);
  }

  @Test
  void ofTwoConcurrentSignInsExactlyOneSucceeds() throws Exception {
    String token = token(emailedLink(uniqueEmail()));
    int attempts = 8;
    List<Browser> browsers = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      Browser b = new Browser(origin);
      b.primeCsrf();
      browsers.add(b);
    }
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (Browser b : browsers) {
        calls.add(
            () ->
                b.postJson("/api/portal/session", "{\"token\":%s}".formatted(quote(token)))
                    .statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
      assertThat(statuses.stream().filter(s -> s == 401)).hasSize(attempts - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theLinkUsesTheConfiguredOriginWhateverTheRequestsHost() throws Exception {
    String clientEmail = uniqueEmail();
    String jobId = recruiter.create("/api/jobs", "{\"title\":\"Evil host\"}");
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(clientEmail)));
    String candidateId = recruiter.create("/api/candidates", "{\"name\":\"Ana Evil\"}");
    HttpResponse<String> submitted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(origin + "/api/jobs/" + jobId + "/submissions"))
                    .header("Host", "evil.test")
                    .header("X-Forwarded-Host", "evil.test")
                    .header("Authorization", "Bearer " + TestRuntime.RECRUITER_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"candidateId\":%s}".formatted(quote(candidateId))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    var message = TestMail.awaitMessage(clientEmail, s -> s.startsWith("New candidate"));
    assertThat(TestMail.everything(message)).doesNotContain("evil.test");
    assertThat(TestMail.portalLinks(message))
        .singleElement()
        .asString()
        .startsWith(origin + "/portal/login?token=");
  }

  @Test
  void signingInAlwaysStartsANewSession() {
    String clientEmail = uniqueEmail();
    String link = emailedLink(clientEmail);
    Browser browser = new Browser(origin);
    String page = browser.get(link).body();
    HttpResponse<String> login =
        browser.postForm("/portal/login", Map.of("token", token(link), "_csrf", csrf(page)));
    assertThat(login.headers().allValues("Set-Cookie").toString())
        .contains("JSESSIONID")
        .contains("HttpOnly")
        .contains("SameSite=Lax");
    String first = browser.cookie("JSESSIONID");
    assertThat(first).isNotNull();

    // Signing in again on a browser that already has a session must not keep its ID.
    String secondLink = emailedLink(clientEmail);
    String secondPage = browser.get(secondLink).body();
    browser.postForm(
        "/portal/login", Map.of("token", token(secondLink), "_csrf", csrf(secondPage)));
    assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(first);
    assertThat(browser.get("/api/portal/jobs").statusCode()).isEqualTo(200);
  }

  @Test
  void removingTheCollaboratorEndsTheirSessionAndTheirLinksAtOnce() {
    String clientEmail = uniqueEmail();
    String link = emailedLink(clientEmail);
    Browser client = new Browser(origin);
    client.postJson("/api/portal/session", "{\"token\":%s}".formatted(quote(token(link))));
    assertThat(client.get("/api/portal/jobs").statusCode()).isEqualTo(200);
    String jobId = json(client.get("/api/portal/jobs")).get(0).get("id").asText();
    // A second email carries a fresh, unused link.
    String unusedLink = emailedLinkForJob(jobId, clientEmail);

    var collaborators = json(recruiter.get("/api/jobs/" + jobId)).get("collaborators");
    String collaboratorId = collaborators.get(0).get("id").asText();
    assertThat(
            recruiter
                .delete("/api/jobs/" + jobId + "/collaborators/" + collaboratorId)
                .statusCode())
        .isEqualTo(204);

    assertThat(client.get("/api/portal/jobs").statusCode()).isEqualTo(401);
    assertThat(new Browser(origin).get(unusedLink).body()).contains("This link no longer works");
    assertThat(
            new Browser(origin)
                .postJson(
                    "/api/portal/session", "{\"token\":%s}".formatted(quote(token(unusedLink))))
                .statusCode())
        .isEqualTo(401);
    assertThat(json(recruiter.get("/api/jobs/" + jobId)).at("/collaborators/0/status").asText())
        .isEqualTo("REMOVED");
  }

  /** Signs in from a fresh browser with the link; the answer's status. */
  int signInStatus(String link) {
    return new Browser(origin).signInWith(link);
  }

  /** The job of the (only) collaborator with this address. */
  String jobIdOf(String clientEmail) {
    return jdbc.sql("select job_id from collaborator where email = ?")
        .param(clientEmail)
        .query(String.class)
        .single();
  }

  @Test
  void aStrangersRequestForAClientsAddressLeavesHerLinksWorking() {
    String clientEmail = uniqueEmail();
    String invitation = emailedLink(clientEmail);

    Browser stranger = new Browser(origin);
    String page = stranger.get("/portal/access").body();
    HttpResponse<String> asked =
        stranger.postForm("/portal/access", Map.of("email", clientEmail, "_csrf", csrf(page)));
    assertThat(asked.headers().firstValue("Location").orElseThrow())
        .endsWith("/portal/access?sent");
    String requested =
        TestMail.portalLinks(TestMail.awaitMessage(clientEmail, s -> s.contains("sign-in link")))
            .get(0);

    assertThat(signInStatus(invitation)).as("the invitation still works").isEqualTo(200);
    assertThat(signInStatus(requested)).as("and so does the requested link").isEqualTo(200);
  }

  @Test
  void aRecruitersResendLeavesTheEarlierEmailsLinkWorking() {
    String clientEmail = uniqueEmail();
    String first = emailedLink(clientEmail);
    String jobId = jobIdOf(clientEmail);
    String submissionId =
        jdbc.sql("select id from submission where job_id = ?")
            .param(jobId)
            .query(String.class)
            .single();
    assertThat(recruiter.post("/api/submissions/" + submissionId + "/resend", "{}").statusCode())
        .isEqualTo(202);
    var updated = TestMail.awaitMessage(clientEmail, s -> s.startsWith("Updated:"));
    String second = TestMail.portalLinks(updated).get(0);
    assertThat(second).isNotEqualTo(first);

    assertThat(signInStatus(first)).isEqualTo(200);
    assertThat(signInStatus(second)).isEqualTo(200);
  }

  @Test
  void aClientWithFiveSubmissionEmailsCanOpenAnyOfThem() {
    String clientEmail = uniqueEmail();
    String first = emailedLink(clientEmail);
    String jobId = jobIdOf(clientEmail);
    List<String> links = new ArrayList<>(List.of(first));
    for (int i = 0; i < 4; i++) {
      links.add(emailedLinkForJob(jobId, clientEmail));
    }
    assertThat(links).doesNotHaveDuplicates();
    // Oldest first: had a newer email revoked the older links, the first would fail.
    for (String link : links) {
      assertThat(signInStatus(link)).as(link).isEqualTo(200);
    }
  }

  @Test
  void itsSignedInOwnerOpeningAUsedLinkLandsInThePortal() {
    String link = emailedLink(uniqueEmail());
    Browser client = new Browser(origin);
    String page = client.get(link).body();
    HttpResponse<String> login =
        client.postForm("/portal/login", Map.of("token", token(link), "_csrf", csrf(page)));
    String target = login.headers().firstValue("Location").orElseThrow();
    assertThat(target).contains("/portal/submissions/");

    HttpResponse<String> reopened = client.get(link);
    assertThat(reopened.statusCode()).isEqualTo(302);
    assertThat(reopened.headers().firstValue("Location").orElseThrow()).isEqualTo(target);
    // "Continue" pressed again on a page left open in another tab.
    HttpResponse<String> pressedAgain =
        client.postForm(
            "/portal/login",
            Map.of("token", token(link), "_csrf", csrf(client.get("/portal/access").body())));
    assertThat(pressedAgain.headers().firstValue("Location").orElseThrow()).isEqualTo(target);
    assertThat(client.get("/api/portal/jobs").statusCode()).isEqualTo(200);

    // Anybody else still sees a used link.
    assertThat(new Browser(origin).get(link).body()).contains("This link has already been used");
  }

  @Test
  void anExpiredLinkSaysSoAndOffersANewOne() {
    String link = emailedLink(uniqueEmail());
    String hash = com.hirepilot.app.workspace.TokenHashes.sha256(token(link));
    // As if its lifetime had passed: the page and the POST go by the stored expiry.
    jdbc.sql("update login_token set expires_at = ? where token_hash = ?")
        .params(java.time.OffsetDateTime.now().minusMinutes(1), hash)
        .update();
    Browser browser = new Browser(origin);
    String page = browser.get(link).body();
    assertThat(page).contains("This link has expired").contains("Email me a fresh link");
    assertThat(page).doesNotContain("Continue to the portal");
    assertThat(signInStatus(link)).isEqualTo(401);
  }

  @Test
  void theLinkPageKeepsTheTokenOutOfCachesReferrersAndThirdParties() {
    String link = emailedLink(uniqueEmail());
    HttpResponse<String> page = new Browser(origin).get(link);
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    // Every src and href on the page stays on this origin.
    Matcher external = Pattern.compile("(?:src|href)=\"(?!/)[^\"#]+\"").matcher(page.body());
    assertThat(external.find()).as("a link or resource off this origin").isFalse();
  }

  @Test
  void aLinkRequestAnswersTheSameForAClientAStrangerAndARemovedClient() {
    String clientEmail = uniqueEmail();
    String link = emailedLink(clientEmail);
    String removedEmail = uniqueEmail();
    emailedLink(removedEmail);
    String jobId = jobIdOf(removedEmail);
    String collaboratorId =
        jdbc.sql("select id from collaborator where email = ?")
            .param(removedEmail)
            .query(String.class)
            .single();
    recruiter.delete("/api/jobs/" + jobId + "/collaborators/" + collaboratorId);
    assertThat(link).isNotBlank();

    List<String> answers = new ArrayList<>();
    for (String email : List.of(clientEmail, uniqueEmail(), removedEmail)) {
      Browser browser = new Browser(origin);
      String page = browser.get("/portal/access").body();
      HttpResponse<String> asked =
          browser.postForm("/portal/access", Map.of("email", email, "_csrf", csrf(page)));
      HttpResponse<String> sentPage =
          browser.get(asked.headers().firstValue("Location").orElseThrow());
      answers.add(
          asked.statusCode()
              + " "
              + asked.headers().firstValue("Location").orElse("")
              + " "
              + asked.body()
              + " "
              + sentPage.body().replaceAll("value=\"[^\"]+\"", "value=\"…\""));
    }
    assertThat(answers.get(1)).isEqualTo(answers.get(0));
    assertThat(answers.get(2)).isEqualTo(answers.get(0));
    TestMail.awaitMessage(clientEmail, s -> s.contains("sign-in link"));
    assertThat(TestMail.to(removedEmail))
        .noneMatch(m -> TestMail.subjectOf(m).contains("sign-in link"));
  }

  /** Submits another candidate to an existing job and returns the link in that email. */
  String emailedLinkForJob(String jobId, String clientEmail) {
    String name = "Kim " + UUID.randomUUID();
    String candidateId =
        recruiter.create("/api/candidates", "{\"name\":%s}".formatted(quote(name)));
    recruiter.create(
        "/api/jobs/" + jobId + "/submissions",
        "{\"candidateId\":%s}".formatted(quote(candidateId)));
    var message = TestMail.awaitMessage(clientEmail, s -> s.contains(name));
    return TestMail.portalLinks(message).get(0);
  }

  @Test
  void everyWriteNeedsTheCsrfToken() {
    String link = emailedLink(uniqueEmail());
    Browser browser = new Browser(origin);
    browser.get(link);
    HttpResponse<String> formWithout =
        browser.postForm("/portal/login", Map.of("token", token(link)));
    assertThat(formWithout.statusCode()).isEqualTo(403);
    HttpResponse<String> jsonWithout =
        browser.postJsonWithoutCsrf(
            "/api/portal/session", "{\"token\":%s}".formatted(quote(token(link))));
    assertThat(jsonWithout.statusCode()).isEqualTo(403);
    assertThat(jsonWithout.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    // Neither attempt used the link up.
    assertThat(
            browser
                .postJson("/api/portal/session", "{\"token\":%s}".formatted(quote(token(link))))
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> decisionWithout =
        browser.postJsonWithoutCsrf(
            "/api/portal/submissions/anything/decision", "{\"decision\":\"APPROVE\"}");
    assertThat(decisionWithout.statusCode()).isEqualTo(403);
  }

  @Test
  void pagesCarryTheSecurityHeaders() {
    HttpResponse<String> page = new Browser(origin).get("/portal/access");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(
            json(new RecruiterApi(origin, "wrong-token").get("/api/jobs/x")).get("status").asInt())
        .isEqualTo(401);
  }
}
