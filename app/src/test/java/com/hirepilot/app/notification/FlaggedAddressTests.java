package com.hirepilot.app.notification;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.app.workspace.OtherWorkspaces;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A bounced, dropped or spam-reporting address holds up new mail until a recruiter confirms or
 * corrects it: submitting, resending and sending a sign-in link answer 409 naming the address and
 * the provider's reason, and create nothing; after a confirmation or a correction they work again.
 * The submission's {@code emails} carry each delivery's attempts, reason and history.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class FlaggedAddressTests {

  static final String REASON = "550 5.1.1 mailbox does not exist";

  @Autowired ApplicationContext app;
  @Autowired EmailDeliveries deliveries;
  @Autowired AddressFlags flags;
  @Autowired JdbcClient jdbc;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  record Job(String id, String workspaceId, String anaId, String ana, String boId, String bo) {}

  Job job() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String jobId = api.create("/api/jobs", "{\"title\":\"Flagged role " + tag + "\"}");
    String ana = "ana-" + tag + "@client.test";
    String bo = "bo-" + tag + "@client.test";
    String anaId =
        api.create(
            "/api/jobs/" + jobId + "/collaborators",
            "{\"email\":%s,\"name\":\"Ana\"}".formatted(quote(ana)));
    String boId =
        api.create(
            "/api/jobs/" + jobId + "/collaborators",
            "{\"email\":%s,\"name\":\"Bo\"}".formatted(quote(bo)));
    String workspaceId =
        jdbc.sql("select workspace_id from job where id = ?")
            .param(jobId)
            .query(String.class)
            .single();
    return new Job(jobId, workspaceId, anaId, ana, boId, bo);
  }

  String candidate(String name) {
    return api.create("/api/candidates", "{\"name\":%s}".formatted(quote(name)));
  }

  HttpResponse<String> submit(Job job, String candidateId) {
    return api.post(
        "/api/jobs/" + job.id() + "/submissions",
        "{\"candidateId\":%s,\"message\":\"Worth a look\"}".formatted(quote(candidateId)));
  }

  /** Submits, waits for the email to the address to leave, and bounces it as SendGrid would. */
  String submitAndBounce(Job job, String candidateId, String address) {
    HttpResponse<String> submitted = submit(job, candidateId);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String submissionId = json(submitted).get("id").asText();
    EmailDelivery delivery = awaitSent(submissionId, address);
    deliveries.providerSaid(delivery.id(), EmailDelivery.Status.BOUNCED, REASON, Instant.now());
    flags.flag(
        job.workspaceId(),
        address,
        EmailDelivery.Status.BOUNCED,
        REASON,
        delivery.id(),
        Instant.now());
    return submissionId;
  }

  EmailDelivery awaitSent(String submissionId, String address) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (EmailDelivery d : deliveries.forSubmission(submissionId)) {
        if (d.recipient().equals(address) && d.status() == EmailDelivery.Status.SENT) {
          return d;
        }
      }
      sleep();
    }
    throw new AssertionError(
        "No sent email to " + address + ": " + deliveries.forSubmission(submissionId));
  }

  long submissionsOf(Job job) {
    return jdbc.sql("select count(*) from submission where job_id = ?")
        .param(job.id())
        .query(Long.class)
        .single();
  }

  long deliveriesTo(String address) {
    return jdbc.sql("select count(*) from email_delivery where recipient = ?")
        .param(address)
        .query(Long.class)
        .single();
  }

  static void assertRefusedFor(HttpResponse<String> answer, String address) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    JsonNode problem = json(answer);
    assertThat(problem.get("detail").asText())
        .isEqualTo(address + " bounced: " + REASON + ". Confirm or correct the address first.");
    assertThat(problem.get("flaggedAddresses").findValuesAsText("address"))
        .containsExactly(address);
    assertThat(problem.get("flaggedAddresses").get(0).get("status").asText()).isEqualTo("BOUNCED");
    assertThat(problem.get("flaggedAddresses").get(0).get("reason").asText()).isEqualTo(REASON);
  }

  @Test
  void aBouncedAddressHoldsUpSubmittingResendingAndLinksUntilTheRecruiterConfirmsIt() {
    Job job = job();
    String first = submitAndBounce(job, candidate("Lee Bounce"), job.ana());

    // The submission's emails tell the whole story of the bounced one.
    JsonNode emails = json(api.get("/api/submissions/" + first)).get("emails");
    JsonNode toAna = null;
    for (JsonNode e : emails) {
      if (e.get("to").asText().equals(job.ana())) {
        toAna = e;
      }
    }
    assertThat(toAna).as(emails.toString()).isNotNull();
    assertThat(toAna.get("status").asText()).isEqualTo("BOUNCED");
    assertThat(toAna.get("kind").asText()).isEqualTo("SUBMISSION");
    assertThat(toAna.get("at").isTextual()).isTrue();
    assertThat(toAna.get("providerReason").asText()).isEqualTo(REASON);
    assertThat(toAna.get("attempts").asInt()).isEqualTo(1);
    assertThat(toAna.has("error")).isTrue();
    assertThat(toAna.has("nextAttemptAt")).isTrue();
    List<String> steps = new ArrayList<>();
    toAna.get("history").forEach(h -> steps.add(h.get("status").asText()));
    assertThat(steps).containsSubsequence("QUEUED", "SENT", "BOUNCED");
    JsonNode bounce = toAna.get("history").get(steps.lastIndexOf("BOUNCED"));
    assertThat(bounce.get("detail").asText()).isEqualTo(REASON);
    assertThat(bounce.get("at").isTextual()).isTrue();

    // The job shows the flag on the collaborator.
    JsonNode collaborators = json(api.get("/api/jobs/" + job.id())).get("collaborators");
    for (JsonNode c : collaborators) {
      if (c.get("email").asText().equals(job.ana())) {
        assertThat(c.get("addressFlag").get("status").asText()).isEqualTo("BOUNCED");
        assertThat(c.get("addressFlag").get("reason").asText()).isEqualTo(REASON);
      } else {
        assertThat(c.get("addressFlag").isNull()).as(c.toString()).isTrue();
      }
    }

    // Nothing new goes to the address, and nothing is created trying.
    long submissionsBefore = submissionsOf(job);
    long deliveriesBefore = deliveriesTo(job.ana());
    String second = candidate("Sam Second");
    assertRefusedFor(submit(job, second), job.ana());
    assertRefusedFor(
        api.post(
            "/api/jobs/" + job.id() + "/submissions/bulk",
            "{\"candidateIds\":[%s]}".formatted(quote(second))),
        job.ana());
    assertRefusedFor(api.post("/api/submissions/" + first + "/resend", "{}"), job.ana());
    assertRefusedFor(
        api.post("/api/jobs/" + job.id() + "/collaborators/" + job.anaId() + "/access-link", ""),
        job.ana());
    assertThat(submissionsOf(job)).isEqualTo(submissionsBefore);
    assertThat(json(api.get("/api/submissions/" + first)).get("round").asInt()).isEqualTo(1);
    sleep();
    assertThat(deliveriesTo(job.ana())).isEqualTo(deliveriesBefore);
    // The other collaborator's address is fine on its own.
    assertThat(
            api.post("/api/jobs/" + job.id() + "/collaborators/" + job.boId() + "/access-link", "")
                .statusCode())
        .isEqualTo(202);

    // Another workspace cannot confirm it.
    String confirm =
        "/api/jobs/" + job.id() + "/collaborators/" + job.anaId() + "/address-confirmation";
    String otherToken = "other-" + UUID.randomUUID();
    OtherWorkspaces.create(app, "Other agency", otherToken);
    assertThat(new RecruiterApi(origin, otherToken).post(confirm, "").statusCode()).isEqualTo(404);
    assertThat(flags.find(job.workspaceId(), job.ana())).isPresent();
    assertThat(
            api.post(
                    "/api/jobs/" + job.id() + "/collaborators/no-such-one/address-confirmation", "")
                .statusCode())
        .isEqualTo(404);

    // The recruiter vouches for it: the flag is gone, the log says who, and mail goes again.
    assertThat(api.post(confirm, "").statusCode()).isEqualTo(204);
    assertThat(flags.find(job.workspaceId(), job.ana())).isEmpty();
    JsonNode activity = json(api.get("/api/jobs/" + job.id() + "/activity"));
    JsonNode confirmed = null;
    for (JsonNode line : activity) {
      if (line.get("type").asText().equals("ADDRESS_CONFIRMED")) {
        confirmed = line;
      }
    }
    assertThat(confirmed).as(activity.toString()).isNotNull();
    assertThat(confirmed.get("detail").asText()).contains(job.ana()).contains(REASON);
    assertThat(confirmed.get("clientVisible").asBoolean()).isFalse();
    for (JsonNode c : json(api.get("/api/jobs/" + job.id())).get("collaborators")) {
      assertThat(c.get("addressFlag").isNull()).as(c.toString()).isTrue();
    }
    // Confirming again changes nothing.
    assertThat(api.post(confirm, "").statusCode()).isEqualTo(204);
    HttpResponse<String> again = submit(job, second);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    assertThat(submissionsOf(job)).isEqualTo(submissionsBefore + 1);
    assertThat(api.post("/api/submissions/" + first + "/resend", "{}").statusCode()).isEqualTo(202);
  }

  @Test
  void aCorrectedAddressTakesNewMailWhileTheOldOneStaysFlagged() {
    Job job = job();
    submitAndBounce(job, candidate("Kim Correct"), job.bo());
    String next = candidate("Noor Next");
    assertRefusedFor(submit(job, next), job.bo());

    String fixed = "bo.fixed-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    HttpResponse<String> corrected =
        api.patch(
            "/api/jobs/" + job.id() + "/collaborators/" + job.boId(),
            "{\"email\":%s}".formatted(quote(fixed)));
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    assertThat(json(corrected).get("email").asText()).isEqualTo(fixed);
    assertThat(json(corrected).get("addressFlag").isNull()).isTrue();

    HttpResponse<String> submitted = submit(job, next);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    awaitSent(json(submitted).get("id").asText(), fixed);
    // It was that address that bounced: it stays flagged for any other job it is on.
    assertThat(flags.find(job.workspaceId(), job.bo())).isPresent();
    String activity = api.get("/api/jobs/" + job.id() + "/activity").body();
    assertThat(activity).contains("ADDRESS_CORRECTED").contains(job.bo()).contains(fixed);
  }

  @Test
  void anAddressFlaggedOnOneJobHoldsUpEveryJobItCollaboratesOn() {
    Job job = job();
    submitAndBounce(job, candidate("Ira One"), job.ana());
    String otherJob = api.create("/api/jobs", "{\"title\":\"Second flagged role\"}");
    api.create(
        "/api/jobs/" + otherJob + "/collaborators",
        "{\"email\":%s}".formatted(quote(job.ana().toUpperCase(java.util.Locale.ROOT))));
    HttpResponse<String> refused =
        api.post(
            "/api/jobs/" + otherJob + "/submissions",
            "{\"candidateId\":%s}".formatted(quote(candidate("Ira Two"))));
    assertRefusedFor(refused, job.ana());
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
