package com.hirepilot.app.job;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.HtmlChecker;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.app.workspace.OtherWorkspaces;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Guest collaborators: an admin adds a client contact for a client company; they collaborate on
 * every job of it, current and later, until removed.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class GuestCollaboratorTests {

  @Autowired ApplicationContext app;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi admin = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  String job(String title, String clientCompany) {
    return admin.create(
        "/api/jobs",
        "{\"title\":%s,\"clientCompany\":%s}".formatted(quote(title), quote(clientCompany)));
  }

  /** The job's collaborators as {email → status}. */
  Map<String, String> collaborators(String jobId) {
    JsonNode job = json(admin.get("/api/jobs/" + jobId));
    Map<String, String> out = new java.util.HashMap<>();
    job.path("collaborators")
        .forEach(c -> out.put(c.path("email").asText(), c.path("status").asText()));
    return out;
  }

  HttpResponse<String> addGuest(RecruiterApi api, String email, String company) {
    return api.post(
        "/api/workspace/guests",
        "{\"email\":%s,\"name\":\"Dana Guest\",\"clientCompany\":%s}"
            .formatted(quote(email), quote(company)));
  }

  @Test
  void aGuestCollaboratesOnEveryJobOfTheirCompany_currentAndLater_inAnyCase() {
    String company = "Acme Robotics " + unique();
    String existing = job("Existing " + unique(), company.toUpperCase());
    String otherCompany = job("Other " + unique(), "Globex " + unique());
    String email = "dana-" + unique() + "@acme.test";

    HttpResponse<String> added = addGuest(admin, email.toUpperCase(), company);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode guest = json(added);
    assertThat(guest.path("email").asText()).isEqualTo(email);
    assertThat(guest.path("clientCompany").asText()).isEqualTo(company);
    assertThat(guest.path("jobs")).hasSize(1);
    assertThat(guest.path("jobs").get(0).path("jobId").asText()).isEqualTo(existing);
    assertThat(collaborators(existing)).containsEntry(email, "ACTIVE");
    assertThat(collaborators(otherCompany)).doesNotContainKey(email);

    String later = job("Later " + unique(), "  " + company.toLowerCase() + " ");
    assertThat(collaborators(later)).containsEntry(email, "ACTIVE");

    JsonNode listed = null;
    for (JsonNode g : json(admin.get("/api/workspace/guests"))) {
      if (g.path("id").asText().equals(guest.path("id").asText())) {
        listed = g;
      }
    }
    assertThat(listed).isNotNull();
    List<String> jobs = new ArrayList<>();
    listed.path("jobs").forEach(j -> jobs.add(j.path("jobId").asText()));
    assertThat(jobs).containsExactly(existing, later);

    // Moving a job to another company takes the guest off it.
    assertThat(
            admin
                .patch(
                    "/api/jobs/" + later,
                    "{\"clientCompany\":%s}".formatted(quote("Initech " + unique())))
                .statusCode())
        .isEqualTo(200);
    assertThat(collaborators(later)).containsEntry(email, "REMOVED");
    assertThat(addGuest(admin, email, company).statusCode())
        .as("one guest record per address")
        .isEqualTo(409);
  }

  @Test
  void onlyAdminsAddOrRemoveGuests() {
    String samEmail = "sam-" + unique() + "@agency.test";
    String password =
        json(admin.post(
                "/api/recruiters",
                "{\"name\":\"Sam\",\"email\":%s,\"role\":\"RECRUITER\"}"
                    .formatted(quote(samEmail))))
            .path("firstPassword")
            .asText();
    Browser sam = new Browser(origin);
    sam.signInToConsole(samEmail, password);
    String tokensPage = sam.getPage("/console/tokens").body();
    sam.postForm(
        "/console/tokens", Map.of("name", "sam's", "_csrf", Browser.csrfField(tokensPage)));
    Matcher token =
        Pattern.compile("id=\"new-token\" class=\"token\">([^<]+)<")
            .matcher(sam.getPage("/console/tokens").body());
    assertThat(token.find()).isTrue();
    RecruiterApi samApi = new RecruiterApi(origin, token.group(1));

    String company = "Acme Robotics " + unique();
    String jobId = job("Job " + unique(), company);
    String email = "guest-" + unique() + "@acme.test";
    HttpResponse<String> refused = addGuest(samApi, email, company);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(collaborators(jobId)).doesNotContainKey(email);
    assertThat(sam.getPage("/console/guests").statusCode()).isEqualTo(403);
    String page = sam.getPage("/console/account").body();
    assertThat(
            sam.postForm(
                    "/console/guests",
                    Map.of(
                        "email", email, "clientCompany", company, "_csrf", Browser.csrfField(page)))
                .statusCode())
        .isEqualTo(403);
    assertThat(collaborators(jobId)).doesNotContainKey(email);

    String guestId = json(addGuest(admin, email, company)).path("id").asText();
    assertThat(samApi.delete("/api/workspace/guests/" + guestId).statusCode()).isEqualTo(403);
    assertThat(collaborators(jobId)).containsEntry(email, "ACTIVE");
    assertThat(addGuest(admin, "not-an-email", company).statusCode()).isEqualTo(422);
  }

  @Test
  void removingTheGuestEndsTheirPortalSession_aRecruitersOwnCollaboratorStays() {
    String company = "Acme Robotics " + unique();
    String title = "Backend " + unique();
    String jobId = job(title, company);
    String secondJob = job("Second " + unique(), company);
    String email = "dana-" + unique() + "@acme.test";
    // On the second job a recruiter added them directly: that access is not the guest's.
    admin.create(
        "/api/jobs/" + secondJob + "/collaborators",
        "{\"email\":%s,\"name\":\"Dana\"}".formatted(quote(email)));
    String guestId = json(addGuest(admin, email, company)).path("id").asText();

    String candidateId = admin.create("/api/candidates", "{\"name\":\"Jordan Lee\"}");
    admin.create(
        "/api/jobs/" + jobId + "/submissions",
        "{\"candidateId\":%s,\"attachmentIds\":[]}".formatted(quote(candidateId)));
    var mail = TestMail.awaitMessage(email, subject -> subject.contains(title));
    Browser guest = new Browser(origin);
    assertThat(guest.signInWith(TestMail.portalLinks(mail).get(0))).isEqualTo(200);
    HttpResponse<String> jobs = guest.get("/api/portal/jobs");
    assertThat(jobs.statusCode()).isEqualTo(200);
    assertThat(jobs.body()).contains(title);

    // The console lists the guest with their jobs.
    Browser console = new Browser(origin);
    console.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    String html = console.getPage("/console/guests").body();
    assertThat(HtmlChecker.errors(html)).as("valid HTML").isEmpty();
    Document page = Jsoup.parse(html);
    assertThat(page.select("h1").text()).isEqualTo("Guest collaborators");
    var row = page.select("tbody tr:contains(" + email + ")");
    assertThat(row.text()).contains(company).contains(title);

    assertThat(admin.delete("/api/workspace/guests/" + guestId).statusCode()).isEqualTo(204);
    assertThat(guest.get("/api/portal/jobs").statusCode()).isEqualTo(401);
    assertThat(collaborators(jobId)).containsEntry(email, "REMOVED");
    assertThat(collaborators(secondJob)).containsEntry(email, "ACTIVE");
    assertThat(admin.delete("/api/workspace/guests/" + guestId).statusCode()).isEqualTo(404);
  }

  @Test
  void theConsolePageAddsAndRemovesGuests_anotherWorkspaceCannotTouchThem() {
    String company = "Acme Robotics " + unique();
    String title = "Console " + unique();
    String jobId = job(title, company);
    String email = "pat-" + unique() + "@acme.test";
    Browser console = new Browser(origin);
    console.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    String csrf = Browser.csrfField(console.getPage("/console/guests").body());

    HttpResponse<String> bad =
        console.postForm(
            "/console/guests",
            Map.of("email", "nope", "name", "Pat", "clientCompany", company, "_csrf", csrf));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(bad.body()).select("#guest-company").val()).isEqualTo(company);

    HttpResponse<String> added =
        console.postForm(
            "/console/guests",
            Map.of("email", email, "name", "Pat", "clientCompany", company, "_csrf", csrf));
    assertThat(added.statusCode()).isEqualTo(302);
    Document page = Jsoup.parse(console.getPage("/console/guests").body());
    assertThat(page.select(".notice").text())
        .contains("Added Pat (" + email + ") as a guest of " + company)
        .contains("on 1 job");
    assertThat(collaborators(jobId)).containsEntry(email, "ACTIVE");

    String guestId = null;
    for (JsonNode g : json(admin.get("/api/workspace/guests"))) {
      if (g.path("email").asText().equals(email)) {
        guestId = g.path("id").asText();
      }
    }
    String theirToken = "other-token-" + UUID.randomUUID();
    OtherWorkspaces.create(app, "Other Agency", theirToken);
    RecruiterApi them = new RecruiterApi(origin, theirToken);
    assertThat(them.delete("/api/workspace/guests/" + guestId).statusCode()).isEqualTo(404);
    assertThat(json(them.get("/api/workspace/guests")).toString()).doesNotContain(email);

    var form = page.select("form[action=/console/guests/" + guestId + "/remove]");
    assertThat(form.attr("data-confirm")).contains("Remove Pat?");
    HttpResponse<String> removed =
        console.postForm(form.attr("action"), Map.of("_csrf", Browser.csrfField(page.html())));
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(collaborators(jobId)).containsEntry(email, "REMOVED");
    assertThat(Jsoup.parse(console.getPage("/console/guests").body()).select(".notice").text())
        .contains("Removed Pat");
  }
}
