package com.hirepilot.app.journey;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the journey tests share: a job with a client and a submitted candidate, over real HTTP
 * against the running app, and ways to wait for the workflow's effects.
 */
abstract class Journey {

  abstract TestRuntime runtime();

  RecruiterApi recruiter() {
    return new RecruiterApi(runtime().origin(), TestRuntime.RECRUITER_TOKEN);
  }

  /** One job with one client collaborator and one submitted candidate. */
  record Setup(
      String jobId,
      String candidateId,
      String submissionId,
      String clientEmail,
      String privateAttachmentId) {}

  Setup submitCandidate(String markers) {
    RecruiterApi api = recruiter();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String jobId =
        api.create(
            "/api/jobs",
            """
            {"title":"Platform Engineer %s","description":"Runs the platform",
             "requirements":"Java","location":"Remote","clientCompany":"Acme %s",
             "showDescriptionToClients":true}"""
                .formatted(unique, unique));
    String clientEmail = "client-" + unique + "@acme.test";
    api.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s,\"name\":\"Casey %s\"}".formatted(quote(clientEmail), unique));
    String candidateId =
        api.create(
            "/api/candidates",
            """
            {"name":"Jordan %s","title":"Staff Engineer","currentCompany":"Parcelly",
             "skills":["Java","Temporal"],"summary":"Builds durable systems",
             "email":%s,"phone":%s,"internalNotes":%s}"""
                .formatted(
                    unique,
                    quote("jordan-" + markers + "-EMAIL@mail.test"),
                    quote("+49 " + markers + "-PHONE"),
                    quote("Salary 95k " + markers + "-NOTES")));
    api.create(
        "/api/candidates/" + candidateId + "/notes",
        "{\"body\":%s}".formatted(quote("Prefers remote " + markers + "-RECRUITERNOTE")));
    HttpResponse<String> resume =
        api.upload(candidateId, "resume.pdf", "%PDF-1.4 resume".getBytes(), "RESUME", true);
    assertThat(resume.statusCode()).isEqualTo(201);
    HttpResponse<String> secret =
        api.upload(
            candidateId,
            "reference-" + markers + "-PRIVATEFILE.txt",
            "internal reference check".getBytes(),
            "OTHER",
            false);
    assertThat(secret.statusCode()).isEqualTo(201);
    String resumeId = json(resume).get("id").asText();
    String secretId = json(secret).get("id").asText();
    HttpResponse<String> submitted =
        api.post(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"message\":\"A strong match.\",\"attachmentIds\":[%s,%s]}"
                .formatted(quote(candidateId), quote(resumeId), quote(secretId)));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    JsonNode created = json(submitted);
    String submissionId = created.get("id").asText();
    assertThat(created.get("workflowId").asText()).isEqualTo("submission-" + submissionId);
    return new Setup(jobId, candidateId, submissionId, clientEmail, secretId);
  }

  static MimeMessage submissionEmailTo(String clientEmail) {
    return TestMail.awaitMessage(clientEmail, s -> s.startsWith("New candidate for"));
  }

  /** Opens the emailed link and presses the button, as a person would. */
  Browser signInFromEmail(String clientEmail) {
    List<String> links = TestMail.portalLinks(submissionEmailTo(clientEmail));
    assertThat(links).hasSize(1);
    Browser browser = new Browser(runtime().origin());
    HttpResponse<String> login = browser.confirmLink(links.get(0));
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow())
        .contains("/portal/submissions/");
    return browser;
  }

  /** Signs in through the JSON API with a link from an email, as an integration would. */
  Browser signInWith(String link) {
    Browser browser = new Browser(runtime().origin());
    HttpResponse<String> session =
        browser.postJson("/api/portal/session", "{\"token\":%s}".formatted(quote(tokenOf(link))));
    assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
    return browser;
  }

  static String tokenOf(String link) {
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  static String csrfField(String html) {
    Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(matcher.find()).as("the page has a CSRF field").isTrue();
    return matcher.group(1);
  }

  JsonNode awaitSubmission(String submissionId, Predicate<JsonNode> condition, String what) {
    return awaitJson("/api/submissions/" + submissionId, condition, "submission " + what);
  }

  JsonNode awaitActivity(String jobId, String type) {
    return awaitJson(
        "/api/jobs/" + jobId + "/activity", a -> types(a).contains(type), type + " activity");
  }

  /** Polls a recruiter-API answer until it satisfies the condition, within a generous bound. */
  JsonNode awaitJson(String path, Predicate<JsonNode> condition, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode answer;
    do {
      answer = json(recruiter().get(path));
      if (condition.test(answer)) {
        return answer;
      }
      TestMail.sleep();
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("Never saw " + what + ": " + answer);
  }

  static List<String> types(JsonNode entries) {
    List<String> types = new ArrayList<>();
    entries.forEach(e -> types.add(e.get("type").asText()));
    return types;
  }
}
