package com.hirepilot.app.rex;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * REX's tables and queries on the local PostgreSQL: a conversation, a proposal, its confirmation.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnPostgres.class)
class RexOnPostgresTests {

  final RecruiterApi recruiter =
      new RecruiterApi(TestRuntime.postgres().origin(), TestRuntime.RECRUITER_TOKEN);

  @Test
  void aConversationContinuesAndAConfirmedResendSendsOneLink() {
    String jobId = recruiter.create("/api/jobs", "{\"title\":\"Postgres REX job\"}");
    String email = "pg-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(email)));

    JsonNode first =
        json(recruiter.post("/api/rex/chat", "{\"message\":\"my client cannot log in\"}"));
    assertThat(first.path("answer").asText()).contains("the client's email address");
    JsonNode second =
        json(
            recruiter.post(
                "/api/rex/chat",
                "{\"conversationId\":%s,\"message\":%s}"
                    .formatted(quote(first.path("conversationId").asText()), quote(email))));
    assertThat(second.path("answer").asText()).contains("no sign-in link has been sent");
    String action = second.path("proposedActions").get(0).path("id").asText();
    assertThat(
            json(recruiter.post("/api/rex/actions/" + action + "/confirm", ""))
                .path("status")
                .asText())
        .isEqualTo("DONE");
    assertThat(
            json(recruiter.post("/api/rex/actions/" + action + "/confirm", ""))
                .path("status")
                .asText())
        .isEqualTo("DONE");
    TestMail.awaitMessage(email, s -> s.contains("sign-in link"));
    TestMail.sleep();
    assertThat(TestMail.to(email)).hasSize(1);
    JsonNode delivered =
        json(
            recruiter.post(
                "/api/rex/chat",
                "{\"message\":%s}".formatted(quote(email + " never got our emails"))));
    assertThat(delivered.path("answer").asText())
        .contains("Your sign-in link to the candidate portal");
  }
}
