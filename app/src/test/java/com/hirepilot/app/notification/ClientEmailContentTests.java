package com.hirepilot.app.notification;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.app.workspace.OtherWorkspaces;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * What a client reads in the emails they get (submission, reminder, sign-in link), as sent over
 * SMTP: the agency's name, one button to the portal, a layout for phones, a text part with the same
 * facts, replies that go to the recruiter, and one thread per submission. Each test runs in an
 * agency of its own, so its name in the mail means something.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class ClientEmailContentTests {

  private static final Pattern ANCHOR =
      Pattern.compile("<a\\b([^>]*)>(.*?)</a>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
  private static final Pattern FONT_SIZE = Pattern.compile("font-size:\\s*(\\d+)px");

  @Autowired ApplicationContext app;

  final String origin = TestRuntime.h2().origin();
  String unique;
  String agency;
  RecruiterApi recruiter;
  String recruiterEmail;

  @BeforeEach
  void anAgencyOfItsOwn() {
    unique = UUID.randomUUID().toString().substring(0, 8);
    agency = "Acme Recruiting " + unique;
    String token = "brand-" + UUID.randomUUID();
    OtherWorkspaces.create(app, agency, token);
    recruiter = new RecruiterApi(origin, token);
    recruiterEmail = json(recruiter.get("/api/recruiters")).get(0).get("email").asText();
  }

  @Test
  void theSubmissionAndReminderEmailsCarryTheAgencyOneButtonAndTheSameFactsInText() {
    String markers = "MARK" + unique;
    // One reminder a second after the submission email.
    HttpResponse<String> schedule =
        recruiter.patch("/api/workspace", "{\"reminderSchedule\":\"PT1S\"}");
    assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(200);
    String job = "Data Engineer " + unique;
    String company = "Globex " + unique;
    String jobId =
        recruiter.create(
            "/api/jobs",
            "{\"title\":%s,\"clientCompany\":%s}".formatted(quote(job), quote(company)));
    String client = "brand-" + unique + "@globex.test";
    recruiter.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s,\"name\":\"Casey %s\"}".formatted(quote(client), unique));
    String candidate = "Jordan " + unique;
    String candidateId =
        recruiter.create(
            "/api/candidates",
            """
            {"name":%s,"title":"Staff Engineer","currentCompany":"Parcelly",
             "skills":["Kafka","Spark"],"summary":"Builds streaming pipelines",
             "email":%s,"phone":%s,"internalNotes":%s}"""
                .formatted(
                    quote(candidate),
                    quote("jordan-" + markers + "-EMAIL@mail.test"),
                    quote("+49 " + markers + "-PHONE"),
                    quote("Salary 95k " + markers + "-NOTES")));
    String resumeId =
        json(recruiter.upload(candidateId, "resume.pdf", "%PDF-1.4".getBytes(), "RESUME", true))
            .get("id")
            .asText();
    String secretId =
        json(recruiter.upload(
                candidateId,
                "reference-" + markers + "-PRIVATEFILE.txt",
                "internal".getBytes(),
                "OTHER",
                false))
            .get("id")
            .asText();
    String message = "Great fit for the data team " + unique + ".";
    HttpResponse<String> submitted =
        recruiter.post(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"message\":%s,\"attachmentIds\":[%s,%s]}"
                .formatted(quote(candidateId), quote(message), quote(resumeId), quote(secretId)));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

    MimeMessage submission =
        TestMail.awaitMessage(client, s -> s.equals("New candidate for " + job + ": " + candidate));
    String html = TestMail.part(submission, "text/html");
    String text = textOf(submission);
    String link = onlyPortalLink(submission);
    assertReadableOnAPhone(html);
    assertThat(onlyAnchor(html)).containsExactly(link, "View candidate");
    for (String part : List.of(html, text)) {
      assertThat(part)
          .contains(agency, job, company, candidate, message, "Olly")
          .contains("Staff Engineer", "Parcelly", "Kafka", "Spark", "Builds streaming pipelines")
          .contains("resume.pdf", "72 hours")
          .doesNotContain(markers);
    }
    assertThat(text).contains("Olly at " + agency).contains(link).endsWith("— " + agency + "\n");

    MimeMessage reminder =
        TestMail.awaitMessage(client, s -> s.startsWith("Reminder: " + candidate));
    String reminderHtml = TestMail.part(reminder, "text/html");
    String reminderText = textOf(reminder);
    String reminderLink = onlyPortalLink(reminder);
    assertReadableOnAPhone(reminderHtml);
    assertThat(onlyAnchor(reminderHtml)).containsExactly(reminderLink, "View candidate");
    for (String part : List.of(reminderHtml, reminderText)) {
      assertThat(part)
          .contains(agency, job, company, candidate, "Olly", "72 hours")
          .doesNotContain(markers);
    }
    assertThat(reminderText).contains(reminderLink);

    // A client's reply reaches the recruiter, and their mail program shows one conversation.
    assertThat(replyTo(submission)).containsExactly(recruiterEmail);
    assertThat(replyTo(reminder)).containsExactly(recruiterEmail);
    String submissionId = json(submitted).get("id").asText();
    String thread = header(submission, "References");
    assertThat(thread).startsWith("<submission-" + submissionId + "@").endsWith(">");
    assertThat(header(submission, "In-Reply-To")).isEqualTo(thread);
    assertThat(header(reminder, "References")).isEqualTo(thread);
    assertThat(header(reminder, "In-Reply-To")).isEqualTo(thread);
    assertThat(header(reminder, "Message-ID"))
        .isNotEqualTo(header(submission, "Message-ID"))
        .isNotEqualTo(thread);

    // The recruiter's own alert after the last reminder: in the thread, with no Reply-To.
    MimeMessage alert =
        TestMail.awaitMessage(recruiterEmail, s -> s.startsWith("No response yet on " + candidate));
    assertThat(header(alert, "References")).isEqualTo(thread);
    assertThat(header(alert, "Reply-To")).isNull();
    assertThat(header(alert, "Message-ID"))
        .isNotIn(header(submission, "Message-ID"), header(reminder, "Message-ID"));
  }

  @Test
  void theSignInLinkEmailsCarryTheAgencyOneButtonAndSayHowLongTheLinkWorks() {
    String jobId = recruiter.create("/api/jobs", "{\"title\":\"Link job\"}");
    String client = "link-" + unique + "@globex.test";
    String collaboratorId =
        recruiter.create(
            "/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(client)));

    // One a recruiter sends: a link for days.
    HttpResponse<String> resent =
        recruiter.post(
            "/api/jobs/" + jobId + "/collaborators/" + collaboratorId + "/access-link", "");
    assertThat(resent.statusCode()).isEqualTo(202);
    MimeMessage sent = TestMail.awaitMessage(client, s -> s.contains("sign-in link"));
    assertSignInEmail(sent, "72 hours");

    // One the client asks for on the access page: a link for minutes.
    Browser stranger = new Browser(origin);
    String page = stranger.get("/portal/access").body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).isTrue();
    stranger.postForm("/portal/access", Map.of("email", client, "_csrf", csrf.group(1)));
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    while (TestMail.to(client).size() < 2 && java.time.Instant.now().isBefore(deadline)) {
      TestMail.sleep();
    }
    List<MimeMessage> both = TestMail.to(client);
    assertThat(both).hasSize(2);
    // One recipient's mail comes back in the order it arrived.
    MimeMessage requested = both.get(1);
    assertSignInEmail(requested, "15 minutes");
  }

  private void assertSignInEmail(MimeMessage mail, String lasting) {
    assertThat(TestMail.subjectOf(mail)).isEqualTo("Your sign-in link to the candidate portal");
    String html = TestMail.part(mail, "text/html");
    String text = textOf(mail);
    String link = onlyPortalLink(mail);
    assertReadableOnAPhone(html);
    assertThat(onlyAnchor(html)).containsExactly(link, "Open the portal");
    Pattern until =
        Pattern.compile(
            "for " + lasting + ": until \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC");
    for (String part : List.of(html, text)) {
      assertThat(part).contains(agency);
      assertThat(until.matcher(part.replaceAll("<[^>]+>", "")).find())
          .as("says how long and until when, in UTC: " + part)
          .isTrue();
    }
    assertThat(text).contains(link).endsWith("— " + agency + "\n");
    // A reply goes to the recruiter who owns the job; the email is about no submission.
    assertThat(replyTo(mail)).containsExactly(recruiterEmail);
    assertThat(header(mail, "References")).isNull();
  }

  private static List<String> replyTo(MimeMessage mail) {
    try {
      assertThat(mail.getHeader("Reply-To")).as("a Reply-To header of its own").isNotNull();
      return java.util.Arrays.stream(mail.getReplyTo())
          .map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
          .toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The header's one value, or null without it. */
  private static String header(MimeMessage mail, String name) {
    try {
      String[] values = mail.getHeader(name);
      if (values == null) {
        return null;
      }
      assertThat(values).as(name).hasSize(1);
      return values[0];
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text part with the line ends it was written with (SMTP carries CRLF). */
  private static String textOf(MimeMessage mail) {
    return TestMail.part(mail, "text/plain").replace("\r\n", "\n");
  }

  /** The one sign-in link in the email, the same in its HTML and its text. */
  private static String onlyPortalLink(MimeMessage mail) {
    List<String> links = TestMail.portalLinks(mail);
    assertThat(links).hasSize(1);
    return links.get(0);
  }

  /** The href and text of the HTML's only link. */
  private static List<String> onlyAnchor(String html) {
    List<List<String>> anchors = new ArrayList<>();
    Matcher anchor = ANCHOR.matcher(html);
    while (anchor.find()) {
      Matcher href = HREF.matcher(anchor.group(1));
      anchors.add(List.of(href.find() ? href.group(1) : "", anchor.group(2).strip()));
    }
    assertThat(anchors).as("links in the HTML").hasSize(1);
    return anchors.get(0);
  }

  private static void assertReadableOnAPhone(String html) {
    assertThat(html)
        .contains("<html lang=\"en\"")
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .contains("max-width:600px")
        .doesNotContain("<style")
        .doesNotContain("class=\"");
    Matcher size = FONT_SIZE.matcher(html);
    while (size.find()) {
      assertThat(Integer.parseInt(size.group(1))).as("a font size").isGreaterThanOrEqualTo(14);
    }
  }
}
