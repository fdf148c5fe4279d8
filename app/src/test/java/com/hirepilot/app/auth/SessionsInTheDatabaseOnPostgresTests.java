package com.hirepilot.app.auth;

import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Sessions live in the database (Spring Session JDBC), so any instance serves any signed-in
 * browser: the session row is there with the 30-minute idle timeout, an idle session ends on the
 * next request whichever instance answers it, and sign-in leaves no row under the old ID.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnPostgres.class)
class SessionsInTheDatabaseOnPostgresTests {

  @Autowired JdbcClient jdbc;
  @Autowired JobCollaborators collaborators;
  @Autowired LoginLinks links;

  final String origin = TestRuntime.postgres().origin();
  final RecruiterApi recruiter = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  @Test
  void aPortalSessionIsARowWithTheIdleTimeoutAndEndsWhenIdleTooLong() {
    Browser client = signedInClient();
    String sessionId = sessionIdOf(client);
    assertThat(
            jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
                .param(sessionId)
                .query(Integer.class)
                .single())
        .isEqualTo((int) Duration.ofMinutes(30).toSeconds());
    // A read writes nothing: the stored last access moves at most once a minute.
    long stamped = lastAccess(sessionId);
    assertThat(client.get("/api/portal/jobs").statusCode()).isEqualTo(200);
    assertThat(client.get("/portal").statusCode()).isEqualTo(200);
    assertThat(lastAccess(sessionId)).isEqualTo(stamped);

    // Seen two minutes ago: the next request stamps it again.
    long twoMinutes = Duration.ofMinutes(2).toMillis();
    jdbc.sql(
            """
            update spring_session
               set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?
             where session_id = ?
            """)
        .params(twoMinutes, twoMinutes, sessionId)
        .update();
    assertThat(client.get("/api/portal/jobs").statusCode()).isEqualTo(200);
    assertThat(lastAccess(sessionId)).isGreaterThan(stamped - twoMinutes);

    // Last seen 31 minutes ago, as any instance would find it in the table.
    long idle = Duration.ofMinutes(31).toMillis();
    jdbc.sql(
            """
            update spring_session
               set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?
             where session_id = ?
            """)
        .params(idle, idle, sessionId)
        .update();
    assertThat(client.get("/api/portal/jobs").statusCode()).isEqualTo(401);
  }

  @Test
  void signingInReplacesTheSessionRowSoTheOldIdLeadsNowhere() {
    Browser browser = new Browser(origin);
    browser.getPage("/console/login");
    String before = sessionIdOf(browser);
    assertThat(rows(before)).isEqualTo(1);
    browser.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    String after = sessionIdOf(browser);
    assertThat(after).isNotEqualTo(before);
    assertThat(rows(before)).isZero();
    assertThat(rows(after)).isEqualTo(1);
    assertThat(browser.getPage("/console/account").statusCode()).isEqualTo(200);
  }

  private Browser signedInClient() {
    String email = "sessions-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    String jobId = recruiter.create("/api/jobs", "{\"title\":\"Shared sessions\"}");
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(email)));
    var collaborator = collaborators.activeByEmail(email).get(0);
    String link =
        links.issue(collaborator, LoginLinks.Purpose.REQUESTED, "/portal", "test/" + email).url();
    Browser client = new Browser(origin);
    assertThat(client.signInWith(link)).isEqualTo(200);
    return client;
  }

  private long lastAccess(String sessionId) {
    return jdbc.sql("select last_access_time from spring_session where session_id = ?")
        .param(sessionId)
        .query(Long.class)
        .single();
  }

  private int rows(String sessionId) {
    return jdbc.sql("select count(*) from spring_session where session_id = ?")
        .param(sessionId)
        .query(Integer.class)
        .single();
  }

  /** Spring Session's cookie carries the session ID in base64. */
  private static String sessionIdOf(Browser browser) {
    String cookie = browser.cookie("JSESSIONID");
    assertThat(cookie).as("the session cookie").isNotNull();
    return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
  }
}
