package com.hirepilot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The console's email previews: every template with sample data, in the workspace's own brand, for
 * signed-in recruiters only, built without storing or sending anything.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class ConsoleEmailPreviewsTests {

  static final List<String> TEMPLATES =
      List.of(
          "submission",
          "submission-update",
          "reminder",
          "last-reminder",
          "no-response",
          "decision",
          "comment",
          "comment-digest",
          "recruiter-reply",
          "automation",
          "access-link",
          "support-ticket");

  static final List<String> TO_CLIENTS =
      List.of(
          "submission",
          "submission-update",
          "reminder",
          "last-reminder",
          "recruiter-reply",
          "access-link");

  @Autowired JdbcClient jdbc;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  @AfterEach
  void backToTheDefaultColour() {
    api.patch("/api/workspace", "{\"brandColour\":\"\"}");
  }

  Browser recruiter() {
    Browser browser = new Browser(origin);
    browser.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    return browser;
  }

  @Test
  void theListLinksEveryTemplateAndTheConsoleLinksTheList() {
    Document list = Jsoup.parse(recruiter().getPage("/console/emails").body());
    List<String> links = list.select("main a[href^=\"/console/emails/\"]").eachAttr("href");
    assertThat(links)
        .containsExactlyElementsOf(TEMPLATES.stream().map(t -> "/console/emails/" + t).toList());
    assertThat(list.select("header nav a[href=\"/console/emails\"]")).hasSize(1);
  }

  @Test
  void eachPreviewShowsTheSubjectTheReplyToTheTextAndFramesTheHtml() {
    Browser browser = recruiter();
    for (String name : TEMPLATES) {
      HttpResponse<String> page = browser.getPage("/console/emails/" + name);
      assertThat(page.statusCode()).as(name).isEqualTo(200);
      Document doc = Jsoup.parse(page.body());
      String subject = doc.select(".facts dd").first().text();
      String text = doc.select("pre.email-text").text();
      String replyTo = doc.select(".facts dd").get(2).text();
      assertThat(subject).as(name).isNotBlank();
      assertThat(text).as(name).isNotBlank().doesNotContain("<");
      assertThat(doc.select("iframe[sandbox=''][title]").attr("src"))
          .isEqualTo("/console/emails/" + name + "/html");
      if (TO_CLIENTS.contains(name)) {
        assertThat(replyTo).as(name).isEqualTo(TestRuntime.RECRUITER_EMAIL);
      } else {
        assertThat(replyTo).as(name).startsWith("None");
      }
    }
    String submission = browser.getPage("/console/emails/submission").body();
    assertThat(Jsoup.parse(submission).select("pre.email-text").first().wholeText())
        .contains("submitted a candidate for Senior Data Engineer", "Jordan Rivera")
        .contains("View candidate:\n" + origin + "/portal/login?token=sample")
        .contains("- Kafka\n");
  }

  @Test
  void theHtmlCarriesTheWorkspacesBrandUnderAPolicyThatAllowsNothingActive() {
    assertThat(api.patch("/api/workspace", "{\"brandColour\":\"#0f766e\"}").statusCode())
        .isEqualTo(200);
    String agency = RecruiterApi.json(api.get("/api/workspace")).get("name").asText();
    HttpResponse<String> html = recruiter().get("/console/emails/reminder/html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    String policy = html.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy)
        .contains("default-src 'none'")
        .contains("frame-ancestors 'self'")
        .contains("sandbox")
        .doesNotContain("script-src");
    assertThat(html.body()).contains(agency).contains("#0f766e").contains("View candidate");
  }

  @Test
  void previewsWriteNothingAndSendNothing() {
    Browser browser = recruiter();
    long tokens = count("login_token");
    long deliveries = count("email_delivery");
    for (String name : TEMPLATES) {
      assertThat(browser.getPage("/console/emails/" + name).statusCode()).isEqualTo(200);
      assertThat(browser.get("/console/emails/" + name + "/html").statusCode()).isEqualTo(200);
    }
    assertThat(count("login_token")).isEqualTo(tokens);
    assertThat(count("email_delivery")).isEqualTo(deliveries);
  }

  @Test
  void anUnknownTemplateIsNotFoundAndSignedOutVisitorsAreSentToSignIn() {
    Browser browser = recruiter();
    HttpResponse<String> unknown = browser.getPage("/console/emails/nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Email template nope not found");
    assertThat(browser.get("/console/emails/nope/html").statusCode()).isEqualTo(404);

    Browser stranger = new Browser(origin);
    for (String path : List.of("/console/emails", "/console/emails/submission/html")) {
      HttpResponse<String> refused = stranger.getPage(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(302);
      assertThat(refused.headers().firstValue("Location").orElseThrow())
          .as(path)
          .contains("/console/login");
      assertThat(refused.body()).doesNotContain("Jordan Rivera");
    }
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
