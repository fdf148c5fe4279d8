package com.hirepilot.app.journey;

import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every email to the recruiter links to the console page of the submission it is about, on the
 * configured origin, and nowhere else: not to the JSON API, which a browser cannot open with a
 * bearer token.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class RecruiterEmailLinksTests extends Journey {

  private static final Pattern TEXT_LINK = Pattern.compile("https?://\\S+");

  @Override
  TestRuntime runtime() {
    return TestRuntime.h2();
  }

  @AfterEach
  void backToTheDefaultSchedule() {
    recruiter().patch("/api/workspace", "{\"reminderSchedule\":null}");
  }

  @Test
  void theNoResponseAlertTheCommentAndTheDecisionEmailsLinkToTheSubmissionsConsolePage() {
    HttpResponse<String> schedule =
        recruiter().patch("/api/workspace", "{\"reminderSchedule\":\"PT1S,PT2S\"}");
    assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(200);
    Setup setup = submitCandidate(UUID.randomUUID().toString().substring(0, 6));
    MimeMessage submissionEmail = submissionEmailTo(setup.clientEmail());
    String subject = TestMail.subjectOf(submissionEmail);
    String name = subject.substring(subject.lastIndexOf(": ") + 2);
    String console = runtime().origin() + "/console/submissions/" + setup.submissionId();

    MimeMessage alert =
        TestMail.awaitMessage(
            TestRuntime.RECRUITER_EMAIL, s -> s.startsWith("No response yet on " + name));
    assertLinksOnlyTo(alert, console);

    Browser client = signInWith(TestMail.portalLinks(submissionEmail).get(0));
    HttpResponse<String> comment =
        client.postJson(
            "/api/portal/submissions/" + setup.submissionId() + "/comments",
            "{\"body\":%s}".formatted(quote("Can they start in March?")));
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
    assertLinksOnlyTo(
        TestMail.awaitMessage(TestRuntime.RECRUITER_EMAIL, s -> s.contains("commented on " + name)),
        console);

    HttpResponse<String> approved =
        client.postJson(
            "/api/portal/submissions/" + setup.submissionId() + "/decision",
            "{\"decision\":\"APPROVE\"}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertLinksOnlyTo(
        TestMail.awaitMessage(TestRuntime.RECRUITER_EMAIL, s -> s.contains("approved " + name)),
        console);
  }

  /** The HTML's one link and the text's one link are both the console page. */
  private static void assertLinksOnlyTo(MimeMessage email, String console) {
    List<String> htmlLinks =
        Jsoup.parse(TestMail.part(email, "text/html")).select("a[href]").stream()
            .map(a -> a.attr("href"))
            .toList();
    List<String> textLinks = new ArrayList<>();
    Matcher matcher = TEXT_LINK.matcher(TestMail.part(email, "text/plain"));
    while (matcher.find()) {
      textLinks.add(matcher.group());
    }
    String what = TestMail.subjectOf(email);
    assertThat(htmlLinks).as(what).containsExactly(console);
    assertThat(textLinks).as(what).containsExactly(console);
    assertThat(
            Jsoup.parse(TestMail.part(email, "text/html")).select("a[href]").stream()
                .map(Element::text))
        .as(what)
        .containsExactly(console);
  }
}
