package com.hirepilot.app.auth;

import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * security.md line 15: a session ends at its absolute lifetime however active it is (6 s in this
 * app; 12 h shipped), while the idle timeout alone would keep it.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnOwnSmtp.class)
class SessionLifetimeTests {

  @Autowired JobCollaborators collaborators;
  @Autowired LoginLinks links;

  @Test
  void anActiveSessionEndsAtItsAbsoluteLifetime() throws Exception {
    TestRuntime runtime = TestRuntime.ownSmtp();
    RecruiterApi recruiter = new RecruiterApi(runtime.origin(), TestRuntime.RECRUITER_TOKEN);
    String email = "life-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    String jobId = recruiter.create("/api/jobs", "{\"title\":\"QA Lead\"}");
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(email)));
    var collaborator = collaborators.activeByEmail(email).get(0);
    String link =
        links.issue(collaborator, LoginLinks.Purpose.REQUESTED, "/portal", "test/" + email).url();

    Browser client = new Browser(runtime.origin());
    Instant signedIn = Instant.now();
    assertThat(client.signInWith(link)).isEqualTo(200);
    // Busy all the while: one request a second keeps the idle timeout far away.
    Duration lifetime = TestRuntime.OWN_SMTP_SESSION_LIFETIME;
    while (Duration.between(signedIn, Instant.now()).compareTo(lifetime.minusSeconds(2)) < 0) {
      assertThat(client.get("/api/portal/jobs").statusCode()).isEqualTo(200);
      Thread.sleep(1000);
    }
    Thread.sleep(
        lifetime.plusSeconds(1).toMillis() - Duration.between(signedIn, Instant.now()).toMillis());
    assertThat(client.get("/api/portal/jobs").statusCode()).isEqualTo(401);
  }
}
