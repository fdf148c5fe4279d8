package com.hirepilot.app.portal;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestFiles;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * What the portal tests share, over real HTTP against the shared H2 app: jobs with client
 * collaborators, candidates with marker strings in every internal field, files, submissions, and
 * clients signed in from their emailed links.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
abstract class PortalFixture {

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi recruiter = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  record Job(String id, String title) {}

  record Client(String collaboratorId, String email, String name) {}

  record Candidate(String id, String name) {}

  /** A job with one client, a candidate with a public PDF and a private file, submitted. */
  record Setup(
      Job job,
      Client client,
      Candidate candidate,
      String submissionId,
      String publicFileId,
      byte[] publicFileBytes,
      String privateFileId,
      String marker) {}

  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  Job newJob() {
    String u = unique();
    String title = "Platform Engineer " + u;
    String id =
        recruiter.create(
            "/api/jobs",
            """
            {"title":%s,"description":"Runs the platform","requirements":"Java",
             "location":"Remote","clientCompany":"Acme %s","showDescriptionToClients":true}"""
                .formatted(quote(title), u));
    return new Job(id, title);
  }

  Client addClient(String jobId) {
    String u = unique();
    String email = "client-" + u + "@acme.test";
    String name = "Casey " + u;
    String id =
        recruiter.create(
            "/api/jobs/" + jobId + "/collaborators",
            "{\"email\":%s,\"name\":%s}".formatted(quote(email), quote(name)));
    return new Client(id, email, name);
  }

  /** A candidate whose email, phone and internal notes carry the marker. */
  Candidate newCandidate(String marker) {
    String name = "Jordan " + unique();
    String id =
        recruiter.create(
            "/api/candidates",
            """
            {"name":%s,"title":"Staff Engineer","currentCompany":"Parcelly",
             "skills":["Java","Temporal"],"summary":"Builds durable systems",
             "email":%s,"phone":%s,"internalNotes":%s}"""
                .formatted(
                    quote(name),
                    quote("jordan-" + marker + "-EMAIL@mail.test"),
                    quote("+49 " + marker + "-PHONE"),
                    quote("Salary 95k " + marker + "-NOTES")));
    return new Candidate(id, name);
  }

  /** Uploads a file and answers the created attachment's JSON, failing unless 201. */
  JsonNode upload(String candidateId, String filename, byte[] bytes, String kind, boolean pub) {
    HttpResponse<String> answer = recruiter.upload(candidateId, filename, bytes, kind, pub);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return json(answer);
  }

  String submit(String jobId, String candidateId, String message, List<String> attachmentIds) {
    String ids = String.join(",", attachmentIds.stream().map(RecruiterApi::quote).toList());
    return recruiter.create(
        "/api/jobs/" + jobId + "/submissions",
        "{\"candidateId\":%s,\"message\":%s,\"attachmentIds\":[%s]}"
            .formatted(quote(candidateId), quote(message), ids));
  }

  Setup submitted(String message) {
    Job job = newJob();
    Client client = addClient(job.id());
    return submittedTo(job, client, message);
  }

  /** A new candidate with a public PDF and a private file, submitted on the job. */
  Setup submittedTo(Job job, Client client, String message) {
    String marker = "M" + unique();
    Candidate candidate = newCandidate(marker);
    byte[] pdf = pdf("Resume of " + candidate.name());
    String publicId = upload(candidate.id(), "resume.pdf", pdf, "RESUME", true).get("id").asText();
    String privateId =
        upload(
                candidate.id(),
                "reference-" + marker + "-PRIVATEFILE.txt",
                ("internal reference " + marker + "-PRIVATECONTENT").getBytes(),
                "OTHER",
                false)
            .get("id")
            .asText();
    String submissionId = submit(job.id(), candidate.id(), message, List.of(publicId, privateId));
    return new Setup(job, client, candidate, submissionId, publicId, pdf, privateId, marker);
  }

  /** A real one-page PDF, made with PDFBox. */
  static byte[] pdf(String text) {
    return TestFiles.pdf(text);
  }

  static MimeMessage submissionEmail(String clientEmail, String candidateName) {
    return TestMail.awaitMessage(
        clientEmail, s -> s.startsWith("New candidate for") && s.endsWith(": " + candidateName));
  }

  static String linkIn(MimeMessage email) {
    List<String> links = TestMail.portalLinks(email);
    assertThat(links).hasSize(1);
    return links.get(0);
  }

  /** Signs a new browser in through the JSON API with the link of the candidate's email. */
  Browser signIn(Setup setup) {
    return signInWith(linkIn(submissionEmail(setup.client().email(), setup.candidate().name())));
  }

  Browser signInWith(String link) {
    Browser browser = new Browser(origin);
    assertThat(browser.signInWith(link)).isEqualTo(200);
    return browser;
  }

  static String tokenOf(String link) {
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  static String csrfField(String html) {
    return Browser.csrfField(html);
  }

  /** Opens the link page and presses its button, as a person would. */
  Browser signInByForm(String link) {
    Browser browser = new Browser(origin);
    HttpResponse<String> login = browser.confirmLink(link);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/portal/");
    return browser;
  }

  JsonNode awaitSubmission(String submissionId, Predicate<JsonNode> condition, String what) {
    return awaitJson("/api/submissions/" + submissionId, condition, "submission " + what);
  }

  JsonNode awaitStatus(String submissionId, String status) {
    return awaitSubmission(
        submissionId, s -> status.equals(s.path("status").asText()), "in status " + status);
  }

  void withdraw(String submissionId) {
    HttpResponse<String> withdrawn =
        recruiter.post("/api/submissions/" + submissionId + "/withdraw", "{}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(202);
    awaitStatus(submissionId, "WITHDRAWN");
  }

  HttpResponse<String> recruiterComment(String submissionId, String body) {
    return recruiter.post(
        "/api/submissions/" + submissionId + "/comments", "{\"body\":%s}".formatted(quote(body)));
  }

  /** Polls a recruiter-API answer until it satisfies the condition, within a generous bound. */
  JsonNode awaitJson(String path, Predicate<JsonNode> condition, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode answer;
    do {
      answer = json(recruiter.get(path));
      if (condition.test(answer)) {
        return answer;
      }
      TestMail.sleep();
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("Never saw " + what + ": " + answer);
  }

  static List<MimeMessage> mailTo(String address, Predicate<String> subject) {
    return TestMail.to(address).stream().filter(m -> subject.test(TestMail.subjectOf(m))).toList();
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void assertProblem(HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(answer).get("status").asInt()).isEqualTo(status);
  }
}
