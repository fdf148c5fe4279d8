package com.hirepilot.app.load;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.StatementCounter;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read paths under the load they must hold: a client with a job of 50 submitted candidates and
 * one of 5. Each read costs the same number of SQL statements for both jobs, never holds one pooled
 * connection while asking for another, and 64 clients reading at once on a pool of {@value
 * TestRuntime#POOL_SIZE} connections all get their answer. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadsUnderLoadTests {

  private static final int SMALL = 5;
  private static final int LARGE = 50;
  private static final int CLIENTS = 64;

  /** Far longer than any answer takes; a deadlocked pool holds requests for its whole timeout. */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

  @Autowired StatementCounter counter;
  @Autowired DataSource dataSource;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private String clientEmail;
  private String session;
  private String consoleSession;
  private SeededJob small;
  private SeededJob large;

  abstract TestRuntime runtime();

  record SeededJob(String id, List<String> submissionIds, List<String> fileIds) {}

  RecruiterApi recruiter() {
    return new RecruiterApi(runtime().origin(), TestRuntime.RECRUITER_TOKEN);
  }

  @BeforeAll
  void aClientWithAJobOfFiveAndAJobOfFiftyCandidates() {
    clientEmail = "load-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    small = seedJob(SMALL);
    large = seedJob(LARGE);
    for (SeededJob job : List.of(small, large)) {
      awaitAllAwaitingFeedback(job);
    }
    // Some history in both jobs, so the threads and the activity have lines to read.
    Browser client = signIn();
    for (SeededJob job : List.of(small, large)) {
      String first = job.submissionIds().get(0);
      assertThat(
              client
                  .postJson(
                      "/api/portal/submissions/" + first + "/comments",
                      "{\"body\":\"Can we talk on Monday?\"}")
                  .statusCode())
          .isEqualTo(201);
      assertThat(
              client
                  .postJson(
                      "/api/portal/submissions/" + job.submissionIds().get(1) + "/decision",
                      "{\"decision\":\"REQUEST_INTERVIEW\",\"availability\":\"Tue\"}")
                  .statusCode())
          .isEqualTo(200);
    }
    session = client.cookie("JSESSIONID");
    assertThat(session).isNotNull();
    Browser console = new Browser(runtime().origin());
    console.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    consoleSession = console.cookie("JSESSIONID");
    assertThat(consoleSession).isNotNull();
  }

  @Test
  void theAppUnderTestRunsOnASmallPool() throws java.sql.SQLException {
    assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize())
        .isEqualTo(TestRuntime.POOL_SIZE);
  }

  @Test
  void everyReadCostsTheSameNumberOfStatementsForFiveAndForFiftyCandidates() {
    Map<String, Integer> costs = new LinkedHashMap<>();
    for (String read : reads(small).keySet()) {
      int forSmall = statementsOf(reads(small).get(read));
      int forLarge = statementsOf(reads(large).get(read));
      assertThat(forLarge)
          .as(
              "%s: %d statements for %d candidates, %d for %d",
              read, forSmall, SMALL, forLarge, LARGE)
          .isEqualTo(forSmall);
      costs.put(read, forLarge);
    }
    System.out.println("Statements per read, for " + LARGE + " candidates: " + costs);
    // A handful each: the cost is per request, not per candidate. A console page shows what
    // several API reads answer (a job page: the job, its collaborators and their links, the
    // board, the candidates to submit, the activity), so it may cost a few more.
    costs.forEach(
        (read, n) ->
            assertThat(n)
                .as("statements for %s (all: %s)", read, costs)
                .isBetween(1, read.startsWith("console") ? 16 : 12));
    assertThat(counter.doubleHolds()).isEmpty();
  }

  /**
   * Spring Session reads the session again after saving it (spring-session#1731); the store answers
   * that read from the request's own copy, so a signed-in view reads its session row once.
   */
  @Test
  void aSignedInViewReadsItsSessionOnce() {
    for (var read : reads(small).entrySet()) {
      if (read.getValue().session() == null) {
        continue;
      }
      statementsOf(read.getValue());
      String tag = UUID.randomUUID().toString();
      assertThat(send(read.getValue().build(tag)).statusCode()).isEqualTo(200);
      assertThat(counter.sessionReadsOf(tag)).as(read.getKey()).isEqualTo(1);
    }
  }

  @Test
  void sixtyFourClientsReadingAtOnceAllGetTheirAnswer() throws Exception {
    List<HttpRequest> requests = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      List<Request> mix = new ArrayList<>(reads(large).values());
      requests.add(mix.get(i % mix.size()).build(null));
    }
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch ready = new CountDownLatch(CLIENTS);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (HttpRequest request : requests) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  ready.countDown();
                  await(go);
                  return send(request);
                },
                clients));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      Instant start = Instant.now();
      go.countDown();
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
          .get(ANSWER_WITHIN.toSeconds() + 10, TimeUnit.SECONDS);
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode())
            .as(response.uri() + ": " + response.body())
            .isEqualTo(200);
      }
      assertThat(Duration.between(start, Instant.now())).isLessThan(ANSWER_WITHIN);
    } finally {
      clients.shutdownNow();
    }
    assertThat(counter.doubleHolds()).isEmpty();
  }

  /** One read path, for a given job: who asks, and what. */
  private record Request(String path, boolean asRecruiter, String origin, String session) {

    HttpRequest build(String tag) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(origin + path)).timeout(ANSWER_WITHIN).GET();
      if (asRecruiter) {
        builder.header("Authorization", "Bearer " + TestRuntime.RECRUITER_TOKEN);
      } else {
        builder.header("Cookie", "JSESSIONID=" + session);
      }
      if (tag != null) {
        builder.header(StatementCounter.TAG_HEADER, tag);
      }
      return builder.build();
    }
  }

  /** Every read path about one job, the client's and the recruiter's. */
  private Map<String, Request> reads(SeededJob job) {
    String origin = runtime().origin();
    String first = job.submissionIds().get(0);
    Map<String, Request> reads = new LinkedHashMap<>();
    reads.put("portal home page", client("/portal"));
    reads.put("portal job page", client("/portal/jobs/" + job.id()));
    reads.put("portal candidate page", client("/portal/submissions/" + first));
    reads.put("portal file download", client("/api/portal/attachments/" + job.fileIds().get(0)));
    reads.put("portal job", client("/api/portal/jobs/" + job.id()));
    reads.put("portal submissions", client("/api/portal/jobs/" + job.id() + "/submissions"));
    reads.put("portal submission", client("/api/portal/submissions/" + first));
    reads.put("portal activity", client("/api/portal/jobs/" + job.id() + "/activity"));
    reads.put("portal jobs", client("/api/portal/jobs"));
    reads.put(
        "recruiter list", new Request("/api/submissions?jobId=" + job.id(), true, origin, null));
    reads.put(
        "recruiter attention list",
        new Request("/api/submissions?needsAttention=true&jobId=" + job.id(), true, origin, null));
    reads.put("recruiter submission", new Request("/api/submissions/" + first, true, origin, null));
    reads.put(
        "recruiter job activity",
        new Request("/api/jobs/" + job.id() + "/activity", true, origin, null));
    reads.put("recruiter job", new Request("/api/jobs/" + job.id(), true, origin, null));
    reads.put(
        "recruiter collaborators",
        new Request("/api/jobs/" + job.id() + "/collaborators", true, origin, null));
    reads.put("recruiter jobs", new Request("/api/jobs", true, origin, null));
    reads.put(
        "recruiter candidates", new Request("/api/candidates?q=Candidate", true, origin, null));
    reads.put("console jobs page", console("/console/jobs"));
    reads.put("console job page", console("/console/jobs/" + job.id()));
    reads.put("console submission page", console("/console/submissions/" + first));
    reads.put("console attention page", console("/console/attention"));
    reads.put("console candidates page", console("/console/candidates?q=Candidate"));
    return reads;
  }

  private Request client(String path) {
    return new Request(path, false, runtime().origin(), session);
  }

  /** A console page, with the recruiter's console session. */
  private Request console(String path) {
    return new Request(path, false, runtime().origin(), consoleSession);
  }

  private int statementsOf(Request read) {
    // A client's first view of a submission is recorded once (and hands SUBMISSION_VIEWED to the
    // rules): a one-time write by design. What is measured is every view after it.
    assertThat(send(read.build(UUID.randomUUID().toString())).statusCode()).isEqualTo(200);
    String tag = UUID.randomUUID().toString();
    HttpResponse<String> response = send(read.build(tag));
    assertThat(response.statusCode()).as(read.path() + ": " + response.body()).isEqualTo(200);
    return counter.statementsOf(tag);
  }

  private SeededJob seedJob(int candidates) {
    RecruiterApi api = recruiter();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String jobId =
        api.create(
            "/api/jobs",
            """
            {"title":"Load %s","requirements":"Java","clientCompany":"Load Inc",
             "showDescriptionToClients":true}"""
                .formatted(unique));
    api.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s,\"name\":\"Lou Load\"}".formatted(quote(clientEmail)));
    List<String> submissionIds = new ArrayList<>();
    List<String> fileIds = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      String candidateId =
          api.create(
              "/api/candidates",
              """
              {"name":"Candidate %d %s","title":"Engineer","currentCompany":"Acme",
               "skills":["Java","SQL","Temporal"],"summary":"Ships things",
               "email":"c%d@mail.test","phone":"+1 555","internalNotes":"private"}"""
                  .formatted(i, unique, i));
      HttpResponse<String> resume =
          api.upload(candidateId, "resume-" + i + ".pdf", "%PDF-1.4 cv".getBytes(), "RESUME", true);
      assertThat(resume.statusCode()).isEqualTo(201);
      fileIds.add(json(resume).get("id").asText());
      submissionIds.add(
          api.create(
              "/api/jobs/" + jobId + "/submissions",
              "{\"candidateId\":%s,\"message\":\"Worth a look.\",\"attachmentIds\":[%s]}"
                  .formatted(quote(candidateId), quote(json(resume).get("id").asText()))));
    }
    return new SeededJob(jobId, submissionIds, fileIds);
  }

  private void awaitAllAwaitingFeedback(SeededJob job) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode list;
    do {
      list = json(recruiter().get("/api/submissions?status=AWAITING_FEEDBACK&jobId=" + job.id()));
      if (list.size() == job.submissionIds().size()) {
        return;
      }
      TestMail.sleep();
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("Not every submission went out: " + list);
  }

  /** Signs in with the newest unused link (each sign-in uses one up). */
  private Browser signIn() {
    List<jakarta.mail.internet.MimeMessage> emails = new ArrayList<>(TestMail.to(clientEmail));
    java.util.Collections.reverse(emails);
    for (jakarta.mail.internet.MimeMessage email : emails) {
      String link = TestMail.portalLinks(email).get(0);
      Browser browser = new Browser(runtime().origin());
      HttpResponse<String> signedIn =
          browser.postJson(
              "/api/portal/session",
              "{\"token\":%s}".formatted(quote(link.substring(link.indexOf("token=") + 6))));
      if (signedIn.statusCode() == 200) {
        return browser;
      }
    }
    throw new AssertionError("No working sign-in link among " + emails.size() + " emails");
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(request.uri() + " failed: " + e, e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
