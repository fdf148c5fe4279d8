package com.hirepilot.app.notification;

import static com.hirepilot.app.support.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.support.SendGridKeys;
import com.hirepilot.app.support.TestRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
  void withoutAVerificationKeyTheWebhookIsNotThere() throws Exception {
    byte[] body =
        """
        [{"event":"bounce","sg_event_id":"sg-off","timestamp":%d,"hp_delivery":"x"}]"""
            .formatted(Instant.now().getEpochSecond())
            .getBytes(StandardCharsets.UTF_8);
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(TestRuntime.h2().origin() + "/webhooks/sendgrid"))
            .header("Content-Type", "application/json")
            .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
            .header(
                "X-Twilio-Email-Event-Webhook-Signature",
                SendGridKeys.sign(SendGridKeys.SENDGRID.getPrivate(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();

    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(json(answer).get("detail").asText()).contains("SENDGRID_WEBHOOK_PUBLIC_KEY");
  }
}
