package com.hirepilot.app.notification;

import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.auth.LoginLinks;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.workflows.email.EmailDeliveryWorkflow;
import com.hirepilot.workflows.submission.EmailKind;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
  @Autowired LoginLinks links;
  @Autowired JobCollaborators collaborators;
  @Autowired DeliveryPolicy policy;
  @Autowired WorkflowClient workflows;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

  @Test
  void aQueuedEmailWhoseWorkflowWasLostIsDeliveredOnceAtStartUp() throws Exception {
    String client = "lost-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    // A reminder recorded just before the process died: its delivery activity never ran.
    String deliveryId = mailer.queue(reminderAfterSubmittingTo(client));
    assertThat(deliveries.byId(deliveryId).orElseThrow().status())
        .isEqualTo(EmailDelivery.Status.QUEUED);

    unsent.start();

    awaitUntil(
        () -> deliveries.byId(deliveryId).orElseThrow().status() == EmailDelivery.Status.SENT);
    assertThat(TestMail.to(client))
        .filteredOn(m -> TestMail.subjectOf(m).startsWith("Reminder:"))
        .hasSize(1);
  }

  /**
   * A submission's first emails are recorded in the transaction that starts its workflow, so the
   * delivery activity can run before that transaction commits. That attempt must be retried, not
   * given up: the email goes out, once, on an attempt after the commit.
   */
  @Test
  void anAttemptBeforeTheDeliveryIsCommittedIsRetriedAndTheNextOneSends() throws Exception {
    String client = "early-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    EmailRecipe reminder = reminderAfterSubmittingTo(client);
    String deliveryId =
        transaction.execute(
            tx -> {
              String id = mailer.queue(reminder);
              EmailDeliveryWorkflow workflow =
                  workflows.newWorkflowStub(
                      EmailDeliveryWorkflow.class,
                      WorkflowOptions.newBuilder()
                          .setWorkflowId(EmailDeliveryWorkflow.WORKFLOW_ID_PREFIX + id)
                          .setTaskQueue(SubmissionWorkflow.TASK_QUEUE)
                          .build());
              WorkflowClient.start(workflow::deliver, policy.toDeliver(List.of(id)));
              // The worker's first attempt comes, from its own connection, before this commits.
              awaitQuietly(
                  () ->
                      WorkflowStub.fromTyped(workflow)
                          .describe()
                          .getRawDescription()
                          .getPendingActivitiesList()
                          .stream()
                          .anyMatch(
                              activity ->
                                  activity.getAttempt() > 1
                                      && activity
                                          .getLastFailure()
                                          .getApplicationFailureInfo()
                                          .getType()
                                          .equals(EmailDeliveryActivitiesImpl.NOT_COMMITTED_YET)));
              return id;
            });
    assertThat(TestMail.to(client))
        .filteredOn(m -> TestMail.subjectOf(m).startsWith("Reminder:"))
        .isEmpty();

    // Committed now: Temporal's next attempt finds the record and sends it, once.
    awaitUntil(
        () -> deliveries.byId(deliveryId).orElseThrow().status() == EmailDelivery.Status.SENT);
    assertThat(TestMail.to(client))
        .filteredOn(m -> TestMail.subjectOf(m).startsWith("Reminder:"))
        .hasSize(1);
  }

  /**
   * Two attempts at one delivery overlap (a retry started while a slow attempt was still talking to
   * the relay). The one refused its claim must not replace the sign-in link of the one sending, or
   * the client would get an email whose link no longer works.
   */
  @Test
  void anAttemptRefusedItsClaimLeavesTheLinkOfTheAttemptUnderWayWorking() throws Exception {
    String client = "overlap-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    EmailRecipe reminder = reminderAfterSubmittingTo(client);
    String deliveryId = mailer.queue(reminder);
    // The attempt under way: its link issued under the email's key, its claim fresh.
    String linkUnderWay =
        links
            .issue(
                collaborators.find(reminder.recipientId()).orElseThrow(),
                LoginLinks.Purpose.INVITATION,
                "/portal/submissions/" + reminder.submissionId(),
                reminder.idempotencyKey())
            .url();
    jdbc.sql("update email_delivery set attempts = 1, attempt_started_at = ? where id = ?")
        .params(com.hirepilot.app.system.Timestamps.param(Instant.now()), deliveryId)
        .update();

    assertThatThrownBy(() -> mailer.attempt(deliveryId)).isInstanceOf(Mailer.AttemptUnderWay.class);

    String token = linkUnderWay.substring(linkUnderWay.indexOf("token=") + "token=".length());
    assertThat(links.peek(token).state()).isEqualTo(LoginLinks.State.VALID);
    assertThat(
            jdbc.sql("select count(*) from login_token where issued_for = ?")
                .param(reminder.idempotencyKey())
                .query(Integer.class)
                .single())
        .as("the refused attempt issued no link of its own")
        .isEqualTo(1);
    EmailDelivery delivery = deliveries.byId(deliveryId).orElseThrow();
    assertThat(delivery.status()).isEqualTo(EmailDelivery.Status.QUEUED);
    assertThat(delivery.attempts()).as("the refused attempt was not counted").isEqualTo(1);
  }

  /**
   * Submits a new candidate to a new job whose one collaborator is {@code client}, waits for the
   * submission email and the {@code AWAITING_FEEDBACK} status, and gives back the recipe of the
   * round's first reminder to that collaborator.
   */
  private EmailRecipe reminderAfterSubmittingTo(String client) throws InterruptedException {
    RecruiterApi api = new RecruiterApi(TestRuntime.h2().origin(), TestRuntime.RECRUITER_TOKEN);
    String jobId =
        api.create(
            "/api/jobs",
            "{\"title\":\"Data Engineer %s\"}".formatted(client.substring(0, client.indexOf('@'))));
    api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(client)));
    String candidateId = api.create("/api/candidates", "{\"name\":\"Lee Park\"}");
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
    return new EmailRecipe(
        "submission-" + submissionId + "/REMINDER/1/1/" + sent.get("recipient_id"),
        (String) sent.get("workspace_id"),
        submissionId,
        EmailKind.REMINDER,
        client,
        (String) sent.get("recipient_id"),
        null,
        Map.of("round", "1", "step", "1"));
  }

  private static void awaitQuietly(java.util.function.BooleanSupplier condition) {
    try {
      awaitUntil(condition);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
