package com.hirepilot.app.journey;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's path, over real HTTP against the running app: recruiter API, the
 * submission workflow on Temporal's server, email through a real SMTP server, the magic link, the
 * portal, the decision and the recruiter's notification. Runs once per database.
 */
abstract class SubmissionJourneyTests extends Journey {
  @Test
  void clientApprovesTheSubmittedCandidateAndTheRecruiterHearsAboutIt() {
    Setup setup = submitCandidate("M" + UUID.randomUUID());
    MimeMessage email = submissionEmailTo(setup.clientEmail());
    assertThat(TestMail.part(email, "text/html")).contains("Jordan").contains("A strong match.");
    assertThat(TestMail.part(email, "text/plain")).contains("Jordan").contains("A strong match.");
    String link = TestMail.portalLinks(email).get(0);
    assertThat(link).startsWith(runtime().origin() + "/portal/login?token=");

    Browser browser = new Browser(runtime().origin());
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> page = browser.get(link);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Continue to the portal");
      assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }
    String csrf = csrfField(browser.get(link).body());
    HttpResponse<String> login =
        browser.postForm("/portal/login", Map.of("token", tokenOf(link), "_csrf", csrf));
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow())
        .contains("/portal/submissions/" + setup.submissionId());

    JsonNode jobs = json(browser.get("/api/portal/jobs"));
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).get("id").asText()).isEqualTo(setup.jobId());
    assertThat(jobs.get(0).get("submissionCount").asInt()).isEqualTo(1);
    JsonNode submissions = json(browser.get("/api/portal/jobs/" + setup.jobId() + "/submissions"));
    assertThat(submissions).hasSize(1);
    assertThat(submissions.get(0).get("status").asText()).isEqualTo("AWAITING_FEEDBACK");
    assertThat(submissions.get(0).get("attachments")).hasSize(1);
    assertThat(browser.get("/portal/jobs/" + setup.jobId()).body()).contains("Review and decide");
    assertThat(browser.get("/portal/submissions/" + setup.submissionId()).body())
        .contains("Confirm approval");

    HttpResponse<String> decision =
        browser.postJson(
            "/api/portal/submissions/" + setup.submissionId() + "/decision",
            "{\"decision\":\"APPROVE\",\"reason\":\"Great fit\"}");
    assertThat(decision.statusCode()).as(decision.body()).isEqualTo(200);
    assertThat(json(decision).get("status").asText()).isEqualTo("APPROVED");

    MimeMessage notification =
        TestMail.awaitMessage(TestRuntime.RECRUITER_EMAIL, s -> s.contains(" approved Jordan"));
    assertThat(TestMail.part(notification, "text/plain")).contains("Great fit");

    JsonNode submission =
        awaitSubmission(
            setup.submissionId(),
            // The workflow reports the stage as soon as it moves; the timeline line is written by
            // the activity that moves it, a moment later.
            s ->
                "CLIENT_APPROVED".equals(s.get("stage").asText())
                    && types(s.get("timeline")).contains("PIPELINE_UPDATED"),
            "in stage CLIENT_APPROVED with the pipeline updated");
    assertThat(submission.get("status").asText()).isEqualTo("APPROVED");
    assertThat(submission.get("decision").asText()).isEqualTo("APPROVE");
    assertThat(submission.get("stage").asText()).isEqualTo("CLIENT_APPROVED");
    assertThat(types(submission.get("timeline")))
        .contains("SUBMITTED", "EMAIL_SENT", "APPROVED", "RECRUITER_NOTIFIED", "PIPELINE_UPDATED");
    assertThat(submission.get("emails").findValuesAsText("kind"))
        .containsExactlyInAnyOrder("SUBMISSION", "RECRUITER_NOTIFICATION");

    JsonNode activity = awaitActivity(setup.jobId(), "APPROVED");
    assertThat(types(activity)).containsExactly("SUBMITTED", "APPROVED");
  }

  @Test
  void approvingTwiceRecordsOneDecisionAndSendsOneNotification() {
    Setup setup = submitCandidate("M" + UUID.randomUUID());
    Browser browser = signInFromEmail(setup.clientEmail());
    String path = "/api/portal/submissions/" + setup.submissionId() + "/decision";
    HttpResponse<String> first = browser.postJson(path, "{\"decision\":\"APPROVE\"}");
    HttpResponse<String> second = browser.postJson(path, "{\"decision\":\"APPROVE\"}");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(json(second).get("status").asText()).isEqualTo("APPROVED");

    awaitActivity(setup.jobId(), "APPROVED");
    // Once the workflow is done, a third click still answers the same and changes nothing.
    HttpResponse<String> third = browser.postJson(path, "{\"decision\":\"APPROVE\"}");
    assertThat(third.statusCode()).isEqualTo(200);
    HttpResponse<String> conflicting = browser.postJson(path, "{\"decision\":\"REJECT\"}");
    assertThat(conflicting.statusCode()).isEqualTo(409);
    assertThat(conflicting.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");

    // The recruiter's notice is delivered in the background; count the mail once it is out.
    JsonNode submission =
        awaitSubmission(
            setup.submissionId(),
            s -> {
              for (JsonNode email : s.get("emails")) {
                if ("RECRUITER_NOTIFICATION".equals(email.get("kind").asText())
                    && "SENT".equals(email.get("status").asText())) {
                  return true;
                }
              }
              return false;
            },
            "with the recruiter's notice sent");
    assertThat(types(submission.get("timeline")).stream().filter("APPROVED"::equals)).hasSize(1);
    assertThat(
            submission.get("emails").findValuesAsText("kind").stream()
                .filter("RECRUITER_NOTIFICATION"::equals))
        .hasSize(1);
    long notifications =
        TestMail.to(TestRuntime.RECRUITER_EMAIL).stream()
            .filter(m -> TestMail.everything(m).contains(setup.submissionId()))
            .count();
    assertThat(notifications).isEqualTo(1);
    assertThat(json(recruiter().get("/api/jobs/" + setup.jobId() + "/activity")))
        .extracting(a -> a.get("type").asText())
        .containsExactly("SUBMITTED", "APPROVED");
  }

  @Test
  void aClientOfAnotherJobGetsNotFoundForEverythingOfTheFirstJob() {
    Setup first = submitCandidate("M" + UUID.randomUUID());
    Setup second = submitCandidate("M" + UUID.randomUUID());
    Browser secondClient = signInFromEmail(second.clientEmail());

    assertThat(json(secondClient.get("/api/portal/jobs")).findValuesAsText("id"))
        .containsExactly(second.jobId());
    for (String path :
        List.of(
            "/api/portal/jobs/" + first.jobId(),
            "/api/portal/jobs/" + first.jobId() + "/submissions",
            "/api/portal/jobs/" + first.jobId() + "/activity",
            "/api/portal/submissions/" + first.submissionId(),
            "/portal/jobs/" + first.jobId())) {
      assertThat(secondClient.get(path).statusCode()).as(path).isEqualTo(404);
    }
    HttpResponse<String> decision =
        secondClient.postJson(
            "/api/portal/submissions/" + first.submissionId() + "/decision",
            "{\"decision\":\"REJECT\"}");
    assertThat(decision.statusCode()).isEqualTo(404);
    assertThat(
            json(recruiter().get("/api/submissions/" + first.submissionId()))
                .get("status")
                .asText())
        .isNotEqualTo("REJECTED");
  }

  @Test
  void internalNotesContactDetailsAndPrivateFilesNeverReachTheClient() {
    String markers = "MARK" + UUID.randomUUID().toString().replace("-", "");
    Setup setup = submitCandidate(markers);
    MimeMessage email = submissionEmailTo(setup.clientEmail());
    List<String> seen = new ArrayList<>();
    seen.add(TestMail.everything(email));

    Browser client = signInFromEmail(setup.clientEmail());
    for (String path :
        List.of(
            "/api/portal/session",
            "/api/portal/jobs",
            "/api/portal/jobs/" + setup.jobId(),
            "/api/portal/jobs/" + setup.jobId() + "/submissions",
            "/api/portal/jobs/" + setup.jobId() + "/activity",
            "/api/portal/submissions/" + setup.submissionId(),
            "/portal",
            "/portal/jobs/" + setup.jobId(),
            "/api/portal/jobs/unknown",
            "/api/portal/submissions/" + setup.privateAttachmentId())) {
      seen.add(client.get(path).body());
    }
    seen.add(
        client
            .postJson(
                "/api/portal/submissions/" + setup.submissionId() + "/decision",
                "{\"decision\":\"REQUEST_INTERVIEW\",\"availability\":\"Tuesday\"}")
            .body());
    seen.add(client.get("/api/portal/submissions/" + setup.submissionId()).body());

    // The markers are really there for the recruiter, so their absence below means something.
    String recruiterView = recruiter().get("/api/candidates/" + setup.candidateId()).body();
    assertThat(recruiterView)
        .contains(
            markers + "-EMAIL", markers + "-PHONE", markers + "-NOTES", markers + "-PRIVATEFILE");
    for (String body : seen) {
      assertThat(body).doesNotContain(markers);
    }
  }

  @Test
  void theClientSignsInThroughTheJsonApiOnceOnly() {
    Setup setup = submitCandidate("M" + UUID.randomUUID());
    String token = tokenOf(TestMail.portalLinks(submissionEmailTo(setup.clientEmail())).get(0));
    Browser client = new Browser(runtime().origin());
    HttpResponse<String> session =
        client.postJson("/api/portal/session", "{\"token\":%s}".formatted(quote(token)));
    assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
    assertThat(json(session).at("/collaborator/email").asText()).isEqualTo(setup.clientEmail());
    assertThat(client.get("/api/portal/jobs").statusCode()).isEqualTo(200);

    Browser replay = new Browser(runtime().origin());
    HttpResponse<String> again =
        replay.postJson("/api/portal/session", "{\"token\":%s}".formatted(quote(token)));
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");

    assertThat(client.delete("/api/portal/session").statusCode()).isEqualTo(204);
    assertThat(client.get("/api/portal/jobs").statusCode()).isEqualTo(401);
  }
}
