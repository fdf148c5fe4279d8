package com.hirepilot.app.auth;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.app.workspace.OtherWorkspaces;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/** {@code POST /api/jobs/{jobId}/collaborators/{id}/access-link} (api.md; security.md line 12). */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class AccessLinkResendTests {

  @Autowired ApplicationContext app;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi recruiter = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  record Invited(String jobId, String collaboratorId, String email) {}

  Invited invited() {
    String jobId = recruiter.create("/api/jobs", "{\"title\":\"Resend job\"}");
    String email = "r-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    String collaboratorId =
        recruiter.create(
            "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(email)));
    return new Invited(jobId, collaboratorId, email);
  }

  String path(Invited i) {
    return "/api/jobs/" + i.jobId() + "/collaborators/" + i.collaboratorId() + "/access-link";
  }

  @Test
  void aFreshLinkIsEmailedTheSenderNeverSeesItAndTheJobLogSaysWhoSentIt() {
    Invited i = invited();
    HttpResponse<String> r = recruiter.post(path(i), "");
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.body()).doesNotContain("token").doesNotContain("/portal/login");
    var mail = TestMail.awaitMessage(i.email(), s -> s.contains("sign-in link"));
    String link = TestMail.portalLinks(mail).get(0);
    assertThat(new Browser(origin).signInWith(link)).isEqualTo(200);
    String activity = recruiter.get("/api/jobs/" + i.jobId() + "/activity").body();
    assertThat(activity).contains("ACCESS_LINK_SENT").contains("a fresh sign-in link");
    assertThat(
            json(recruiter.get("/api/jobs/" + i.jobId() + "/activity"))
                .get(0)
                .path("clientVisible")
                .asBoolean())
        .isFalse();
  }

  @Test
  void aRemovedCollaboratorAnotherWorkspacesJobAndNoTokenAreRefused() {
    Invited i = invited();
    String otherToken = "other-" + UUID.randomUUID();
    OtherWorkspaces.create(app, "Other agency", otherToken);
    assertThat(new RecruiterApi(origin, otherToken).post(path(i), "").statusCode()).isEqualTo(404);
    assertThat(new Browser(origin).postJsonWithoutCsrf(path(i), "{}").statusCode()).isEqualTo(401);
    recruiter.delete("/api/jobs/" + i.jobId() + "/collaborators/" + i.collaboratorId());
    HttpResponse<String> removed = recruiter.post(path(i), "");
    assertThat(removed.statusCode()).isEqualTo(404);
    assertThat(removed.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    TestMail.sleep();
    assertThat(TestMail.to(i.email())).isEmpty();
  }
}
