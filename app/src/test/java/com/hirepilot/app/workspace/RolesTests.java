package com.hirepilot.app.workspace;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Admins and recruiters: the same daily work, but only admins change settings and the team; a role
 * change counts from the next request, through the API as well as the console.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class RolesTests {

  @Autowired JdbcClient jdbc;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi owner = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  @Test
  void aRecruiterWorksButCannotChangeSettingsOrTheTeamUntilMadeAnAdmin() {
    String email = "robin-" + System.nanoTime() + "@agency.test";
    HttpResponse<String> added =
        owner.post(
            "/api/recruiters",
            "{\"name\":\"Robin\",\"email\":%s,\"role\":\"RECRUITER\"}".formatted(quote(email)));
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(json(added).get("role").asText()).isEqualTo("RECRUITER");
    String robinId = json(added).get("id").asText();

    // Robin signs in to the console and makes a token for their scripts.
    Browser robin = new Browser(origin);
    robin.signInToConsole(email, json(added).get("firstPassword").asText());
    String tokens = robin.getPage("/console/tokens").body();
    robin.postForm(
        "/console/tokens", Map.of("name", "Robin's script", "_csrf", Browser.csrfField(tokens)));
    Matcher shown =
        Pattern.compile("id=\"new-token\" class=\"token\">([^<]+)<")
            .matcher(robin.getPage("/console/tokens").body());
    assertThat(shown.find()).isTrue();
    RecruiterApi robinApi = new RecruiterApi(origin, shown.group(1));

    // The daily work is theirs.
    assertThat(robinApi.post("/api/jobs", "{\"title\":\"Robin's job\"}").statusCode())
        .isEqualTo(201);
    // Settings and the team are not.
    HttpResponse<String> settings =
        robinApi.patch("/api/workspace", "{\"reminderSchedule\":\"P1D\"}");
    assertThat(settings.statusCode()).isEqualTo(403);
    assertThat(settings.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(
            robinApi
                .post("/api/recruiters", "{\"name\":\"Eve\",\"email\":\"eve2@agency.test\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(robin.getPage("/console/team").statusCode()).isEqualTo(403);
    // Their tokens are their own: the owner's token is "not found" to them.
    String ownersToken =
        jdbc.sql(
                "select t.id from api_token t join recruiter r on r.id = t.recruiter_id"
                    + " where r.email = ?")
            .param(TestRuntime.RECRUITER_EMAIL)
            .query(String.class)
            .list()
            .get(0);
    assertThat(json(robinApi.get("/api/tokens")).findValuesAsText("recruiterName"))
        .containsOnly("Robin");
    assertThat(robinApi.delete("/api/tokens/" + ownersToken).statusCode()).isEqualTo(404);

    // The owner makes Robin an admin in the console; the very next API call may change settings.
    Browser ownerConsole = new Browser(origin);
    ownerConsole.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    String team = ownerConsole.getPage("/console/team").body();
    assertThat(
            ownerConsole
                .postForm(
                    "/console/team/" + robinId + "/role",
                    Map.of("role", "ADMIN", "_csrf", Browser.csrfField(team)))
                .statusCode())
        .isEqualTo(302);
    assertThat(robinApi.patch("/api/workspace", "{\"reminderSchedule\":null}").statusCode())
        .isEqualTo(200);
    assertThat(robin.getPage("/console/team").statusCode()).isEqualTo(200);
  }

  @Test
  void aNewRecruiterNeedsAValidNameAndAFreshAddress() {
    HttpResponse<String> noEmail = owner.post("/api/recruiters", "{\"name\":\"Nobody\"}");
    assertThat(noEmail.statusCode()).isEqualTo(422);
    assertThat(json(noEmail).get("errors").findValuesAsText("field")).contains("email");
    HttpResponse<String> taken =
        owner.post(
            "/api/recruiters",
            "{\"name\":\"Again\",\"email\":%s}".formatted(quote(TestRuntime.RECRUITER_EMAIL)));
    assertThat(taken.statusCode()).isEqualTo(422);
    assertThat(json(taken).get("errors").findValuesAsText("field")).contains("email");
  }
}
