package com.hirepilot.app.notification;

import static com.hirepilot.app.support.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.support.RecruiterApi;
import com.hirepilot.app.support.TestMail;
import com.hirepilot.app.support.TestRuntime;
import com.hirepilot.workflows.submission.EmailKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * An email left {@code QUEUED} by workflows the embedded server forgot (a restart) is handed back
 * to Temporal at start-up and goes out once.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class UnsentDeliveriesTests {

  @Autowired Mailer mailer;
  @Autowired EmailDeliveries deliveries;
  @Autowired UnsentDeliveries unsent;
  @Autowired JdbcClient jdbc;

  @Test
  void aQueuedEmailWhoseWorkflowWasLostIsDeliveredOnceAtStartUp() throws Exception {
    RecruiterApi api = new RecruiterApi(TestRuntime.h2().origin(), TestRuntime.RECRUITER_TOKEN);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String client = "lost-" + unique + "@client.test";
    String jobId = api.create("/api/jobs", "{\"title\":\"Data Engineer " + unique + "\"}");
    api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(client)));
    String candidateId = api.create("/api/candidates", "{\"name\":\"Lee " + unique + "\"}");
    String submissionId =
        api.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s}".formatted(quote(candidateId)));
    TestMail.awaitMessage(client, subject -> subject.startsWith("New candidate"));
    awaitUntil(
        () ->
            "AWAITING_FEEDBACK"
                .equals(
                    RecruiterApi.json(api.get("/api/submissions/" + submissionId))
                        .get("status")
                        .asText()));
    Map<String, Object> sent =
        jdbc.sql("select workspace_id, recipient_id from email_delivery where submission_id = ?")
            .param(submissionId)
            .query()
            .singleRow();

    // A reminder recorded just before the process died: its delivery activity never ran.
    String key = "submission-" + submissionId + "/REMINDER/1/1/" + sent.get("recipient_id");
    String deliveryId =
        mailer.queue(
            new EmailRecipe(
                key,
                (String) sent.get("workspace_id"),
                submissionId,
                EmailKind.REMINDER,
                client,
                (String) sent.get("recipient_id"),
                null,
                Map.of("round", "1", "step", "1")));
    assertThat(deliveries.byId(deliveryId).orElseThrow().status())
        .isEqualTo(EmailDelivery.Status.QUEUED);

    unsent.start();

    awaitUntil(
        () -> deliveries.byId(deliveryId).orElseThrow().status() == EmailDelivery.Status.SENT);
    assertThat(TestMail.to(client))
        .filteredOn(m -> TestMail.subjectOf(m).startsWith("Reminder:"))
        .hasSize(1);
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within 30 s");
      }
      Thread.sleep(100);
    }
  }
}
