package com.hirepilot.app.console;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.HtmlChecker;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** REX's recruiter chat in the console: answers, sources, tool calls, confirmed actions. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class ConsoleRexTests {

  @Autowired JdbcClient jdbc;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  Browser console() {
    Browser browser = new Browser(origin);
    browser.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    return browser;
  }

  HttpResponse<String> ask(Browser browser, String conversationId, String message) {
    String csrf = Browser.csrfField(browser.getPage("/console/rex").body());
    return browser.postForm(
        "/console/rex",
        Map.of(
            "conversationId",
            conversationId == null ? "" : conversationId,
            "message",
            message,
            "_csrf",
            csrf));
  }

  @Test
  void theChatPageAnswersAHowToQuestionFromTheDocs() {
    Browser browser = console();
    HttpResponse<String> page = browser.getPage("/console/rex");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Ask REX");
    assertThat(Jsoup.parse(page.body()).select("a[aria-current=page]").text()).isEqualTo("Ask REX");

    HttpResponse<String> answered =
        ask(browser, null, "How does a client become a collaborator on a job? <script>x</script>");
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).doesNotContain("<script>x</script>");
    Document doc = Jsoup.parse(answered.body());
    assertThat(doc.select(".rex-question").text()).contains("How does a client become");
    assertThat(doc.select(".rex-answer").text()).isNotBlank();
    assertThat(doc.select(".rex-sources li")).isNotEmpty();
    String conversationId =
        doc.select("form[action=/console/rex] input[name=conversationId]").val();
    assertThat(conversationId).isNotBlank();

    HttpResponse<String> empty = ask(browser, conversationId, "   ");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(empty.body()).select(".problem").text())
        .contains("Your message must not be empty.");
    assertThat(
            Jsoup.parse(empty.body())
                .select("form[action=/console/rex] input[name=conversationId]")
                .val())
        .as("the conversation carries on")
        .isEqualTo(conversationId);
  }

  @Test
  void aProposedResendIsConfirmedUnderTheRecruitersIdentityAndTheLinkArrives() {
    String title = "Job " + UUID.randomUUID();
    String email = "c-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    String jobId = api.create("/api/jobs", "{\"title\":%s}".formatted(quote(title)));
    api.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s,\"name\":\"Casey Client\"}".formatted(quote(email)));

    Browser browser = console();
    // The identifier comes in a second message: the conversation carries on.
    HttpResponse<String> first = ask(browser, null, "pls resend the portal link to my client");
    Document firstDoc = Jsoup.parse(first.body());
    assertThat(firstDoc.select(".rex-answer").text()).contains("the client's email address");
    String conversationId =
        firstDoc.select("form[action=/console/rex] input[name=conversationId]").val();
    HttpResponse<String> second = ask(browser, conversationId, email);
    assertThat(second.statusCode()).isEqualTo(200);
    Document doc = Jsoup.parse(second.body());
    assertThat(doc.select("#tool-calls summary").text()).contains("tool call");
    assertThat(doc.select("#tool-calls code").eachText()).contains("collaboratorAccess");
    assertThat(HtmlChecker.errors(second.body())).as("valid HTML").isEmpty();
    var confirm = doc.select(".rex-action form");
    assertThat(confirm).hasSize(1);
    assertThat(confirm.select("button").text()).startsWith("Confirm: ").contains(email);
    assertThat(confirm.select("input[name=conversationId]").val()).isEqualTo(conversationId);
    assertThat(
            TestMail.to(email).stream().filter(m -> TestMail.subjectOf(m).contains("sign-in link")))
        .as("nothing happens before the confirmation")
        .isEmpty();
    String action = confirm.attr("action");

    // Another recruiter of the workspace cannot confirm it: the action is this recruiter's.
    String samEmail = "sam-" + UUID.randomUUID() + "@agency.test";
    String samPassword =
        json(api.post(
                "/api/recruiters",
                "{\"name\":\"Sam\",\"email\":%s,\"role\":\"RECRUITER\"}"
                    .formatted(quote(samEmail))))
            .path("firstPassword")
            .asText();
    Browser sam = new Browser(origin);
    sam.signInToConsole(samEmail, samPassword);
    String samCsrf = Browser.csrfField(sam.getPage("/console/rex").body());
    assertThat(sam.postForm(action, Map.of("_csrf", samCsrf)).statusCode()).isEqualTo(404);

    HttpResponse<String> confirmed =
        browser.postForm(
            action,
            Map.of("conversationId", conversationId, "_csrf", Browser.csrfField(second.body())));
    assertThat(confirmed.statusCode()).isEqualTo(302);
    String back = confirmed.headers().firstValue("Location").orElseThrow();
    assertThat(back).contains("/console/rex?conversationId=" + conversationId);
    Document after = Jsoup.parse(browser.getPage(back).body());
    assertThat(after.select(".notice").text())
        .contains("Done: A fresh sign-in link is on its way to " + email);
    assertThat(after.select("form[action=/console/rex] input[name=conversationId]").val())
        .isEqualTo(conversationId);

    var mail = TestMail.awaitMessage(email, subject -> subject.contains("sign-in link"));
    assertThat(new Browser(origin).signInWith(TestMail.portalLinks(mail).get(0))).isEqualTo(200);
    String recruiterName =
        jdbc.sql("select name from recruiter where email = ?")
            .param(TestRuntime.RECRUITER_EMAIL)
            .query(String.class)
            .single();
    assertThat(api.get("/api/jobs/" + jobId + "/activity").body())
        .contains("ACCESS_LINK_SENT")
        .contains("through REX")
        .contains(recruiterName);

    // Confirming again runs nothing a second time.
    browser.postForm(action, Map.of("_csrf", Browser.csrfField(second.body())));
    TestMail.sleep();
    assertThat(
            TestMail.to(email).stream().filter(m -> TestMail.subjectOf(m).contains("sign-in link")))
        .hasSize(1);
  }
}
