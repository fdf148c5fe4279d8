package com.hirepilot.app.rex;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Magic links failing for everyone: REX sees it in system health, says so, and opens one urgent
 * ticket at once, emailed to the support address and listed for the workspace.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnRexOutage.class)
class RexSystemWideFailureTests {

  final String origin = TestRuntime.rexOutage().origin();
  final RecruiterApi recruiter = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  @Test
  void whenMagicLinksFailForEveryoneREXEscalatesAtOnceWithOneTicket() {
    // Twelve clients' sign-in attempts with links that do not work.
    for (int i = 0; i < 12; i++) {
      Browser browser = new Browser(origin);
      String page = browser.get("/portal/login?token=bad-" + i).body();
      browser.postForm(
          "/portal/login", Map.of("token", "bad-" + i, "_csrf", Browser.csrfField(page)));
    }
    JsonNode answer =
        json(
            recruiter.post(
                "/api/rex/chat",
                "{\"message\":%s}"
                    .formatted(quote("none of our clients can open their magic links today"))));
    assertThat(answer.path("toolCalls").toString())
        .contains("systemHealth")
        .contains("escalateSystemWideFailure");
    assertThat(answer.path("answer").asText())
        .contains("system-wide failure")
        .contains("magic-link sign-ins failing")
        .contains("escalated it at once");
    String ticketId = answer.path("escalation").path("ticketId").asText();
    assertThat(ticketId).isNotBlank();

    var mail = TestMail.awaitMessage("support@localhost", s -> s.contains(ticketId));
    assertThat(TestMail.subjectOf(mail)).startsWith("URGENT");
    assertThat(TestMail.everything(mail)).contains("MAGIC_LINK_FAILURES").contains("Workspace ID");

    // Asked again, REX points to the same ticket rather than opening another.
    JsonNode again =
        json(
            recruiter.post("/api/rex/chat", "{\"message\":\"portal is down for ALL my clients\"}"));
    assertThat(again.path("escalation").path("ticketId").asText()).isEqualTo(ticketId);
    JsonNode tickets = json(recruiter.get("/api/rex/tickets"));
    assertThat(tickets).hasSize(1);
    assertThat(tickets.get(0).path("urgent").asBoolean()).isTrue();
  }
}
