package com.hirepilot.app.submission;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.workflows.email.EmailDeliveryActivities;
import io.temporal.activity.Activity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * The worst moment for a crash: the SMTP server has accepted the submission email, then the
 * delivery activity fails before Temporal hears it succeeded. Temporal retries it; the real
 * activity and the real mailer must not send the email again.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnIsolatedH2.class)
@Import(RetriedEmailActivityTests.FailingAfterSending.class)
class RetriedEmailActivityTests {

  /** Attempt numbers of every delivery attempt, as Temporal counted them. */
  static final List<Integer> attempts = new CopyOnWriteArrayList<>();

  @TestConfiguration
  static class FailingAfterSending {

    /** The real activities, except that the first two delivery attempts fail after they sent. */
    @Bean
    @Primary
    EmailDeliveryActivities failingTwiceAfterSending(
        @Qualifier("emailDeliveryActivitiesImpl") EmailDeliveryActivities real) {
      return (EmailDeliveryActivities)
          Proxy.newProxyInstance(
              EmailDeliveryActivities.class.getClassLoader(),
              new Class<?>[] {EmailDeliveryActivities.class},
              (proxy, method, args) -> {
                Object result;
                try {
                  result = method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
                if (method.getName().equals("deliver")) {
                  int attempt = Activity.getExecutionContext().getInfo().getAttempt();
                  attempts.add(attempt);
                  if (attempt <= 2) {
                    throw new IllegalStateException(
                        "Simulated crash after sending, attempt " + attempt);
                  }
                }
                return result;
              });
    }
  }

  @Test
  void anEmailActivityThatFailsTwiceAfterSendingSendsExactlyOneEmail() {
    TestRuntime runtime = TestRuntime.isolatedH2();
    RecruiterApi api = new RecruiterApi(runtime.origin(), TestRuntime.RECRUITER_TOKEN);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String jobId =
        api.create(
            "/api/jobs",
            """
            {"title":"SRE %s","requirements":"Linux","clientCompany":"Retry Inc",
             "showDescriptionToClients":false}"""
                .formatted(unique));
    String clientEmail = "retry-" + unique + "@client.test";
    api.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s,\"name\":\"Robin\"}".formatted(quote(clientEmail)));
    String candidateId =
        api.create("/api/candidates", "{\"name\":\"Sam %s\",\"skills\":[]}".formatted(unique));
    String submissionId =
        api.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"attachmentIds\":[]}".formatted(quote(candidateId)));

    JsonNode awaiting = awaitAwaitingFeedback(api, submissionId);
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(TestMail.to(clientEmail)).hasSize(1);
    assertThat(awaiting.get("emails").findValues("kind").stream().map(JsonNode::asText))
        .containsExactly("SUBMISSION");
    assertThat(awaiting.get("emails").get(0).get("status").asText()).isEqualTo("SENT");
    List<String> types =
        awaiting.get("timeline").findValues("type").stream().map(JsonNode::asText).toList();
    assertThat(types.stream().filter("EMAIL_SENT"::equals)).hasSize(1);
  }

  private static JsonNode awaitAwaitingFeedback(RecruiterApi api, String submissionId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode answer;
    do {
      answer = json(api.get("/api/submissions/" + submissionId));
      if (attempts.size() >= 3 && "AWAITING_FEEDBACK".equals(answer.get("status").asText())) {
        return answer;
      }
      TestMail.sleep();
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("The submission never settled into awaiting feedback: " + answer);
  }
}
