package com.hirepilot.app.notification;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.SendGridKeys;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Without a verification key (the shipped default, as on the app on H2) there is no webhook: a
 * batch, even one signed, is answered 404 and never read.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class SendGridWebhookOffTests {

  @Test
  void withoutAVerificationKeyTheWebhookIsNotThere() {
    HttpResponse<String> answer =
        SendGridKeys.post(
            TestRuntime.h2().origin(),
            """
            [{"event":"bounce","sg_event_id":"sg-off","timestamp":%d,"hp_delivery":"x"}]"""
                .formatted(Instant.now().getEpochSecond()));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(json(answer).get("detail").asText()).contains("SENDGRID_WEBHOOK_PUBLIC_KEY");
  }
}
