package com.hirepilot.app.journey;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import io.temporal.client.WorkflowClient;
import io.temporal.common.SearchAttributeKey;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lifecycle beyond the first decision, against the running app in real time: reminders on the
 * workspace's schedule and the recruiter's alert, withdrawals, resends with a new resume, comments,
 * interview requests and the connected deal, and the monitoring list. Runs once per database.
 */
abstract class SubmissionLifecycleTests extends Journey {

  @Autowired WorkflowClient workflows;

  @AfterEach
  void backToTheDefaultSchedule() {
    recruiter().patch("/api/workspace", "{\"reminderSchedule\":null}");
  }

  Setup submitWithSchedule(String schedule) {
    HttpResponse<String> changed =
        recruiter().patch("/api/workspace", "{\"reminderSchedule\":%s}".formatted(quote(schedule)));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    return submitCandidate(UUID.randomUUID().toString().substring(0, 6));
  }

  static List<MimeMessage> remindersTo(String clientEmail) {
    return TestMail.to(clientEmail).stream()
        .filter(m -> TestMail.subjectOf(m).startsWith("Reminder:"))
        .toList();
  }

  static List<MimeMessage> to(String address, String subjectPart, String candidateName) {
    return TestMail.to(address).stream()
        .filter(m -> TestMail.subjectOf(m).contains(subjectPart))
        .filter(m -> TestMail.subjectOf(m).contains(candidateName))
        .toList();
  }

  /** The candidate's name, as the submission email's subject gives it. */
  static String candidateName(Setup setup) {
    String subject = TestMail.subjectOf(submissionEmailTo(setup.clientEmail()));
    return subject.substring(subject.lastIndexOf(": ") + 2);
  }

  static Instant emailAt(JsonNode submission, String kind, int index) {
    List<Instant> times = new ArrayList<>();
    submission
        .get("emails")
        .forEach(
            e -> {
              if (e.get("kind").asText().equals(kind)) {
                times.add(Instant.parse(e.get("at").asText()));
              }
            });
    times.sort(null);
    return times.get(index);
  }

  @Test
  void remindsTheSilentClientOnScheduleThenAlertsTheRecruiterAndStillTakesTheirDecision() {
    Setup setup = submitWithSchedule("PT2S,PT4S");
    String name = candidateName(setup);
    submissionEmailTo(setup.clientEmail());

    JsonNode alerted =
        awaitSubmission(
            setup.submissionId(),
            // The workflow flips recruiterAlerted before the alert's step is on record: wait for
            // both, or the timeline below can be read a moment too early.
            s ->
                s.get("recruiterAlerted").asBoolean()
                    && types(s.get("timeline")).contains("RECRUITER_ALERTED_NO_RESPONSE"),
            "alert sent and on record");
    assertThat(alerted.get("remindersSent").asInt()).isEqualTo(2);
    assertThat(alerted.get("status").asText()).isEqualTo("AWAITING_FEEDBACK");
    assertThat(alerted.get("nextReminderAt").isNull()).isTrue();
    assertThat(alerted.get("reminderSchedule").asText()).isEqualTo("PT2S,PT4S");
    assertThat(types(alerted.get("timeline")))
        .containsSubsequence(
            "SUBMITTED",
            "EMAIL_SENT",
            "REMINDER_SENT",
            "REMINDER_SENT",
            "RECRUITER_ALERTED_NO_RESPONSE");
    // Each reminder on its deadline, counted from the submission email.
    Instant sent = emailAt(alerted, "SUBMISSION", 0);
    assertThat(Duration.between(sent, emailAt(alerted, "REMINDER", 0)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    assertThat(Duration.between(sent, emailAt(alerted, "REMINDER", 1)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(3900));

    TestMail.awaitMessage(
        TestRuntime.RECRUITER_EMAIL, s -> s.startsWith("No response yet on " + name));
    assertThat(remindersTo(setup.clientEmail())).hasSize(2);
    assertThat(to(TestRuntime.RECRUITER_EMAIL, "No response yet on", name)).hasSize(1);
    JsonNode inbox = json(recruiter().get("/api/notifications"));
    assertThat(inbox.findValues("submissionId").stream().map(JsonNode::asText))
        .contains(setup.submissionId());
    assertThat(inbox.findValues("kind").stream().map(JsonNode::asText)).contains("NO_RESPONSE");

    // The latest reminder's link works; the client can still decide after the alert.
    MimeMessage last = remindersTo(setup.clientEmail()).get(1);
    // Reminders go to clients: none of the candidate's internal fields may ride along.
    for (MimeMessage reminder : remindersTo(setup.clientEmail())) {
      assertThat(TestMail.everything(reminder))
          .doesNotContain("-NOTES")
          .doesNotContain("-PHONE")
          .doesNotContain("-EMAIL")
          .doesNotContain("-PRIVATEFILE");
    }
    Browser client = signInWith(TestMail.portalLinks(last).get(0));
    HttpResponse<String> approved =
        client.postJson(
            "/api/portal/submissions/" + setup.submissionId() + "/decision",
            "{\"decision\":\"APPROVE\"}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    TestMail.awaitMessage(TestRuntime.RECRUITER_EMAIL, s -> s.contains("approved " + name));
  }

  @Test
  void anAnswerAfterTheFirstReminderStopsTheRest() {
    Setup setup = submitWithSchedule("PT2S,PT5S");
    String name = candidateName(setup);
    MimeMessage reminder =
        TestMail.awaitMessage(setup.clientEmail(), s -> s.startsWith("Reminder:"));
    Browser client = signInWith(TestMail.portalLinks(reminder).get(0));
    assertThat(
            client
                .postJson(
                    "/api/portal/submissions/" + setup.submissionId() + "/decision",
                    "{\"decision\":\"REJECT\",\"reason\":\"Not senior enough\"}")
                .statusCode())
        .isEqualTo(200);
    JsonNode rejected =
        awaitSubmission(
            setup.submissionId(), s -> s.get("live").asBoolean() == false, "the workflow settled");
    sleep(Duration.ofSeconds(4)); // past the second deadline
    assertThat(remindersTo(setup.clientEmail())).hasSize(1);
    assertThat(to(TestRuntime.RECRUITER_EMAIL, "No response yet on", name)).isEmpty();
    JsonNode now = json(recruiter().get("/api/submissions/" + setup.submissionId()));
    assertThat(now.get("remindersSent").asInt()).isEqualTo(1);
    assertThat(now.get("status").asText()).isEqualTo("REJECTED");
    assertThat(now.get("nextReminderAt").isNull()).isTrue();
    assertThat(types(now.get("timeline"))).doesNotContain("RECRUITER_ALERTED_NO_RESPONSE");
    assertThat(rejected.get("stage").asText()).isEqualTo("CLIENT_REJECTED");
  }

  @Test
  void aWithdrawnCandidateDisappearsFromThePortalAndItsRemindersStop() {
    Setup setup = submitWithSchedule("PT3S,PT6S");
    String name = candidateName(setup);
    Browser client =
        signInWith(TestMail.portalLinks(submissionEmailTo(setup.clientEmail())).get(0));
    String jobSubmissions = "/api/portal/jobs/" + setup.jobId() + "/submissions";
    assertThat(json(client.get(jobSubmissions))).hasSize(1);

    HttpResponse<String> withdrawn =
        recruiter().post("/api/submissions/" + setup.submissionId() + "/withdraw", "");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(202);
    assertThat(json(withdrawn).get("status").asText()).isEqualTo("WITHDRAWN");

    // At once, not eventually: the client no longer sees the candidate.
    assertThat(json(client.get(jobSubmissions))).isEmpty();
    assertThat(client.get("/api/portal/submissions/" + setup.submissionId()).statusCode())
        .isEqualTo(404);
    assertThat(
            client
                .postJson(
                    "/api/portal/submissions/" + setup.submissionId() + "/decision",
                    "{\"decision\":\"APPROVE\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(client.get("/api/portal/jobs/" + setup.jobId() + "/activity").body())
        .doesNotContain(name);
    assertThat(client.get("/portal/jobs/" + setup.jobId()).body()).doesNotContain(name);

    HttpResponse<String> again =
        recruiter().post("/api/submissions/" + setup.submissionId() + "/withdraw", "");
    assertThat(again.statusCode()).isEqualTo(202);
    HttpResponse<String> resend =
        recruiter().post("/api/submissions/" + setup.submissionId() + "/resend", "{}");
    assertThat(resend.statusCode()).isEqualTo(409);
    assertThat(resend.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");

    JsonNode settled =
        awaitSubmission(setup.submissionId(), s -> !s.get("live").asBoolean(), "settled");
    assertThat(settled.get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(settled.get("stage").asText()).isEqualTo("WITHDRAWN");
    sleep(Duration.ofSeconds(4)); // past the first deadline
    assertThat(remindersTo(setup.clientEmail())).isEmpty();
    assertThat(
            types(
                json(recruiter().get("/api/submissions/" + setup.submissionId())).get("timeline")))
        .containsOnlyOnce("WITHDRAWN")
        .doesNotContain("REMINDER_SENT");
  }

  @Test
  void resendingWithANewResumeShowsTheClientTheNewVersion() {
    Setup setup = submitCandidate("resend");
    RecruiterApi api = recruiter();
    submissionEmailTo(setup.clientEmail());
    HttpResponse<String> newResume =
        api.upload(
            setup.candidateId(), "resume-2026.pdf", "%PDF-1.4 newer".getBytes(), "RESUME", true);
    assertThat(newResume.statusCode()).isEqualTo(201);
    String newResumeId = json(newResume).get("id").asText();
    assertThat(json(newResume).get("version").asInt()).isEqualTo(2);

    HttpResponse<String> foreign =
        api.post(
            "/api/submissions/" + setup.submissionId() + "/resend",
            "{\"attachmentIds\":[\"no-such-file\"]}");
    assertThat(foreign.statusCode()).isEqualTo(422);

    HttpResponse<String> resent =
        api.post(
            "/api/submissions/" + setup.submissionId() + "/resend",
            "{\"attachmentIds\":[%s],\"message\":\"Updated resume attached.\"}"
                .formatted(quote(newResumeId)));
    assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
    assertThat(json(resent).get("round").asInt()).isEqualTo(2);

    MimeMessage updated =
        TestMail.awaitMessage(setup.clientEmail(), s -> s.startsWith("Updated: candidate for"));
    assertThat(TestMail.everything(updated))
        .contains("resume-2026.pdf")
        .doesNotContain("-PRIVATEFILE")
        .doesNotContain("-NOTES")
        .doesNotContain("-PHONE")
        .doesNotContain("-EMAIL");
    Browser client = signInWith(TestMail.portalLinks(updated).get(0));
    JsonNode shown = json(client.get("/api/portal/submissions/" + setup.submissionId()));
    assertThat(shown.get("message").asText()).isEqualTo("Updated resume attached.");
    assertThat(shown.get("attachments").findValues("filename").stream().map(JsonNode::asText))
        .containsExactly("resume-2026.pdf");
    assertThat(shown.get("thread").findValues("type").stream().map(JsonNode::asText))
        .contains("UPDATED");

    JsonNode record =
        awaitSubmission(
            setup.submissionId(),
            s ->
                s.get("emails").findValues("kind").stream()
                        .filter(k -> k.asText().equals("SUBMISSION"))
                        .count()
                    == 2,
            "two submission emails");
    assertThat(record.get("round").asInt()).isEqualTo(2);
    assertThat(record.get("attachmentIds")).hasSize(1);
    assertThat(record.get("attachmentIds").get(0).asText()).isEqualTo(newResumeId);
    assertThat(types(record.get("timeline"))).containsOnlyOnce("RESENT");
  }

  @Test
  void clientCommentsReachTheRecruiterAndTheThreadAsInertText() {
    Setup setup = submitCandidate("comment");
    String name = candidateName(setup);
    Browser client =
        signInWith(TestMail.portalLinks(submissionEmailTo(setup.clientEmail())).get(0));
    String body = "<script>alert(1)</script><img src=x onerror=alert(2)> Looks strong";
    HttpResponse<String> posted =
        client.postJson(
            "/api/portal/submissions/" + setup.submissionId() + "/comments",
            "{\"body\":%s}".formatted(quote(body)));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(
            client
                .postJson(
                    "/api/portal/submissions/" + setup.submissionId() + "/comments",
                    "{\"body\":\"  \"}")
                .statusCode())
        .isEqualTo(422);

    JsonNode thread = json(client.get("/api/portal/submissions/" + setup.submissionId()));
    assertThat(thread.get("thread").findValues("body").stream().map(JsonNode::asText))
        .contains(body);
    String page = client.get("/portal/submissions/" + setup.submissionId()).body();
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert");
    assertThat(page).doesNotContain("<img src=x");
    // The recruiter's console shows the same text, as text.
    Browser console = new Browser(runtime().origin());
    console.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    String consolePage = console.getPage("/console/submissions/" + setup.submissionId()).body();
    assertThat(consolePage)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x");

    MimeMessage toRecruiter =
        TestMail.awaitMessage(TestRuntime.RECRUITER_EMAIL, s -> s.contains("commented on " + name));
    assertThat(TestMail.part(toRecruiter, "text/html"))
        .contains("&lt;script&gt;")
        .doesNotContain("<script>")
        .doesNotContain("<img src=x");
    JsonNode record =
        awaitSubmission(
            setup.submissionId(),
            s ->
                s.get("comments").size() == 1
                    && s.get("comments").get(0).get("passedOn").asBoolean(),
            "comment passed on");
    assertThat(types(record.get("timeline"))).contains("COMMENTED");
    assertThat(record.get("status").asText()).isEqualTo("AWAITING_FEEDBACK");
    assertThat(
            json(recruiter().get("/api/notifications")).findValues("kind").stream()
                .map(JsonNode::asText))
        .contains("COMMENT");
    assertThat(to(TestRuntime.RECRUITER_EMAIL, "commented on", name)).hasSize(1);

    // The recruiter marks the comment's notification read.
    String notificationId = null;
    for (JsonNode n : json(recruiter().get("/api/notifications"))) {
      if (n.get("kind").asText().equals("COMMENT")
          && n.get("submissionId").asText().equals(setup.submissionId())) {
        notificationId = n.get("id").asText();
        assertThat(n.get("read").asBoolean()).isFalse();
      }
    }
    assertThat(notificationId).isNotNull();
    HttpResponse<String> read =
        recruiter()
            .post("/api/notifications/read", "{\"ids\":[%s]}".formatted(quote(notificationId)));
    assertThat(json(read).get("marked").asInt()).isEqualTo(1);
    for (JsonNode n : json(recruiter().get("/api/notifications"))) {
      if (n.get("id").asText().equals(notificationId)) {
        assertThat(n.get("read").asBoolean()).isTrue();
      }
    }
  }

  @Test
  void anInterviewRequestKeepsTheSubmissionOpenUntilApprovalAndMovesTheDeal() {
    Setup setup = submitCandidate("interview");
    String name = candidateName(setup);
    HttpResponse<String> deal =
        recruiter()
            .put("/api/jobs/" + setup.jobId() + "/deal", "{\"name\":\"Acme retained search\"}");
    assertThat(deal.statusCode()).as(deal.body()).isEqualTo(200);
    assertThat(json(deal).get("stage").asText()).isEqualTo("OPEN");
    assertThat(
            recruiter()
                .put("/api/jobs/" + setup.jobId() + "/deal", "{\"name\":\"x\",\"stage\":\"NOPE\"}")
                .statusCode())
        .isEqualTo(422);

    Browser client =
        signInWith(TestMail.portalLinks(submissionEmailTo(setup.clientEmail())).get(0));
    String decision = "/api/portal/submissions/" + setup.submissionId() + "/decision";
    HttpResponse<String> interview =
        client.postJson(
            decision,
            "{\"decision\":\"REQUEST_INTERVIEW\",\"availability\":\"Tue 10-12, Thu afternoon\"}");
    assertThat(interview.statusCode()).as(interview.body()).isEqualTo(200);
    assertThat(json(interview).get("status").asText()).isEqualTo("INTERVIEW_REQUESTED");
    MimeMessage told =
        TestMail.awaitMessage(
            TestRuntime.RECRUITER_EMAIL, s -> s.contains("requested an interview with " + name));
    assertThat(TestMail.everything(told)).contains("Tue 10-12, Thu afternoon");
    JsonNode thread = json(client.get("/api/portal/submissions/" + setup.submissionId()));
    assertThat(thread.get("thread").findValues("body").stream().map(JsonNode::asText))
        .contains("Available: Tue 10-12, Thu afternoon");
    awaitJson(
        "/api/jobs/" + setup.jobId() + "/deal",
        d -> d.get("stage").asText().equals("INTERVIEWING"),
        "deal interviewing");
    // Operators can find it by status in Temporal's own tools.
    assertThat(
            workflows
                .newUntypedWorkflowStub("submission-" + setup.submissionId())
                .describe()
                .getTypedSearchAttributes()
                .get(SearchAttributeKey.forKeyword("SubmissionStatus")))
        .isEqualTo("INTERVIEW_REQUESTED");
    JsonNode open = json(recruiter().get("/api/submissions/" + setup.submissionId()));
    assertThat(open.get("live").asBoolean()).as(open.toString()).isTrue();
    assertThat(open.get("nextReminderAt").isNull()).isTrue();

    assertThat(client.postJson(decision, "{\"decision\":\"APPROVE\"}").statusCode()).isEqualTo(200);
    awaitJson(
        "/api/jobs/" + setup.jobId() + "/deal",
        d -> d.get("stage").asText().equals("CANDIDATE_APPROVED"),
        "deal approved");
    JsonNode done =
        awaitSubmission(setup.submissionId(), s -> !s.get("live").asBoolean(), "settled");
    assertThat(done.get("status").asText()).isEqualTo("APPROVED");
    assertThat(done.get("stage").asText()).isEqualTo("CLIENT_APPROVED");
    assertThat(types(done.get("timeline")))
        .containsSubsequence("INTERVIEW_REQUESTED", "DEAL_UPDATED", "APPROVED", "DEAL_UPDATED");
    assertThat(client.postJson(decision, "{\"decision\":\"REJECT\"}").statusCode()).isEqualTo(409);

    // The lifecycle is over, yet a thank-you still reaches the recruiter.
    HttpResponse<String> afterwards =
        client.postJson(
            "/api/portal/submissions/" + setup.submissionId() + "/comments",
            "{\"body\":\"When can they start?\"}");
    assertThat(afterwards.statusCode()).isEqualTo(201);
    MimeMessage late =
        TestMail.awaitMessage(TestRuntime.RECRUITER_EMAIL, s -> s.contains("commented on " + name));
    assertThat(TestMail.everything(late)).contains("When can they start?");
  }

  @Test
  void theMonitoringListFiltersByStatusAndJob() {
    Setup setup = submitCandidate("monitor");
    submissionEmailTo(setup.clientEmail());
    JsonNode ofJob = json(recruiter().get("/api/submissions?jobId=" + setup.jobId()));
    assertThat(ofJob).hasSize(1);
    assertThat(ofJob.get(0).get("id").asText()).isEqualTo(setup.submissionId());
    assertThat(ofJob.get(0).get("workflowId").asText())
        .isEqualTo("submission-" + setup.submissionId());
    assertThat(json(recruiter().get("/api/submissions?status=APPROVED&jobId=" + setup.jobId())))
        .isEmpty();
    assertThat(
            json(recruiter().get("/api/submissions?status=AWAITING_FEEDBACK"))
                .findValues("id")
                .stream()
                .map(JsonNode::asText))
        .contains(setup.submissionId());
    HttpResponse<String> bogus = recruiter().get("/api/submissions?status=BOGUS");
    assertThat(bogus.statusCode()).isEqualTo(400);
    assertThat(bogus.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
  }

  @Test
  void aWorkspaceReminderScheduleMustBeAnIncreasingListOfDurations() {
    RecruiterApi api = recruiter();
    HttpResponse<String> backwards =
        api.patch("/api/workspace", "{\"reminderSchedule\":\"P5D,P2D\"}");
    assertThat(backwards.statusCode()).isEqualTo(422);
    assertThat(json(backwards).at("/errors/0/field").asText()).isEqualTo("reminderSchedule");
    assertThat(api.patch("/api/workspace", "{\"reminderSchedule\":\"soon\"}").statusCode())
        .isEqualTo(422);
    HttpResponse<String> own = api.patch("/api/workspace", "{\"reminderSchedule\":\"PT12H, P1D\"}");
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(json(own).get("reminderSchedule").asText()).isEqualTo("PT12H,P1D");
    assertThat(json(own).get("ownReminderSchedule").asBoolean()).isTrue();
    JsonNode reset = json(api.patch("/api/workspace", "{\"reminderSchedule\":null}"));
    assertThat(reset.get("ownReminderSchedule").asBoolean()).isFalse();
    assertThat(reset.get("reminderSchedule").asText()).isEqualTo("P2D,P5D");
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
