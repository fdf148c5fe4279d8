package com.hirepilot.app.portal;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.workspace.TokenHashes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pages around the magic link: confirmation, used, expired and revoked links, renewal. */
class PortalLinkPagesTests extends PortalFixture {

  static final String LINK_SUBJECT = "Your sign-in link to the candidate portal";

  @Autowired JdbcClient jdbc;

  String link(Setup setup) {
    return linkIn(submissionEmail(setup.client().email(), setup.candidate().name()));
  }

  static int linkEmailsTo(String address) {
    return mailTo(address, LINK_SUBJECT::equals).size();
  }

  /** The token of the page's renew form, or null when it has none. */
  static String renewToken(String html) {
    Matcher form =
        Pattern.compile(
                "action=\"/portal/access/renew\"[^>]*>\\s*<input type=\"hidden\" name=\"token\""
                    + " value=\"([^\"]+)\"")
            .matcher(html);
    return form.find() ? form.group(1) : null;
  }

  /** Presses the page's "email me a fresh link" button. */
  static HttpResponse<String> pressRenew(Browser browser, String html) {
    return browser.postForm(
        "/portal/access/renew", Map.of("token", renewToken(html), "_csrf", csrfField(html)));
  }

  @Test
  void theConfirmationPageNamesTheAgencyAndTheJobButNoCandidate() {
    Setup setup = submitted("A strong match.");
    String agency = json(recruiter.get("/api/workspace")).get("name").asText();
    String link = link(setup);

    Browser browser = new Browser(origin);
    HttpResponse<String> page = browser.get(link);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Continue to the portal")
        .contains(agency)
        .contains(setup.job().title())
        .doesNotContain(setup.candidate().name());
    // Pressing the button opens the candidate the email was about.
    HttpResponse<String> login =
        browser.postForm(
            "/portal/login", Map.of("token", tokenOf(link), "_csrf", csrfField(page.body())));
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow())
        .endsWith("/portal/submissions/" + setup.submissionId());
  }

  @Test
  void aUsedLinksPageSaysSoAndItsOneClickFormEmailsAFreshLinkToTheSameClient() {
    Setup setup = submitted("A strong match.");
    String link = link(setup);
    signInWith(link);
    int before = linkEmailsTo(setup.client().email());

    Browser stranger = new Browser(origin);
    String page = stranger.get(link).body();
    assertThat(page).contains("already been used").doesNotContain("Continue to the portal");
    assertThat(renewToken(page)).isEqualTo(tokenOf(link));

    HttpResponse<String> renewed = pressRenew(stranger, page);

    assertThat(renewed.statusCode()).isEqualTo(302);
    assertThat(renewed.headers().firstValue("Location").orElseThrow())
        .endsWith("/portal/access?sent");
    var fresh =
        awaitNew(setup.client().email(), before, Duration.ofSeconds(20), "a fresh sign-in email");
    String freshLink = linkIn(fresh);
    assertThat(freshLink).isNotEqualTo(link);
    assertThat(stranger.signInWith(freshLink)).isEqualTo(200);
  }

  @Test
  void anExpiredLinksPageSaysSoAndOffersAFreshOne() {
    Setup setup = submitted("A strong match.");
    String link = link(setup);
    jdbc.sql("update login_token set expires_at = ? where token_hash = ?")
        .params(OffsetDateTime.now().minusMinutes(1), TokenHashes.sha256(tokenOf(link)))
        .update();
    int before = linkEmailsTo(setup.client().email());

    Browser browser = new Browser(origin);
    String page = browser.get(link).body();
    assertThat(page).contains("This link has expired").doesNotContain("Continue to the portal");
    assertThat(renewToken(page)).isEqualTo(tokenOf(link));
    HttpResponse<String> renewed = pressRenew(browser, page);

    assertThat(renewed.headers().firstValue("Location").orElseThrow())
        .endsWith("/portal/access?sent");
    awaitNew(setup.client().email(), before, Duration.ofSeconds(20), "a fresh sign-in email");
  }

  @Test
  void aRemovedClientsUnusedLinkSaysTheirAccessEndedAndRenewsNothing() {
    Setup setup = submitted("A strong match.");
    String link = link(setup);
    HttpResponse<String> removed =
        recruiter.delete(
            "/api/jobs/" + setup.job().id() + "/collaborators/" + setup.client().collaboratorId());
    assertThat(removed.statusCode()).isEqualTo(204);
    int before = linkEmailsTo(setup.client().email());

    Browser browser = new Browser(origin);
    String page = browser.get(link).body();

    assertThat(page)
        .contains("Your access through this link has ended")
        .doesNotContain("Continue to the portal")
        .doesNotContain(setup.job().title())
        .doesNotContain(setup.candidate().name());
    assertThat(browser.signInWith(link)).isEqualTo(401);
    assertThat(renewToken(page)).isEqualTo(tokenOf(link));
    HttpResponse<String> renewed = pressRenew(browser, page);
    assertThat(renewed.headers().firstValue("Location").orElseThrow())
        .endsWith("/portal/access?sent");
    pause(Duration.ofSeconds(3));
    // They have no other job with the agency: nothing to sign in to, so no link.
    assertThat(linkEmailsTo(setup.client().email())).isEqualTo(before);
  }

  @Test
  void renewingAnUnknownTokenAnswersTheSameAndSendsNothing() {
    Browser browser = new Browser(origin);
    String csrf = csrfField(browser.get("/portal/access").body());
    int before = allLinkEmails();

    HttpResponse<String> renewed =
        browser.postForm(
            "/portal/access/renew", Map.of("token", TokenHashes.newToken(), "_csrf", csrf));

    assertThat(renewed.statusCode()).isEqualTo(302);
    assertThat(renewed.headers().firstValue("Location").orElseThrow())
        .endsWith("/portal/access?sent");
    pause(Duration.ofSeconds(3));
    assertThat(allLinkEmails()).isEqualTo(before);
  }

  static int allLinkEmails() {
    return (int)
        java.util.Arrays.stream(TestMail.SERVER.getReceivedMessages())
            .filter(m -> LINK_SUBJECT.equals(TestMail.subjectOf(m)))
            .count();
  }

  static jakarta.mail.internet.MimeMessage awaitNew(
      String address, int before, Duration within, String what) {
    java.time.Instant deadline = java.time.Instant.now().plus(within);
    while (java.time.Instant.now().isBefore(deadline)) {
      var found = mailTo(address, LINK_SUBJECT::equals);
      if (found.size() > before) {
        return found.get(found.size() - 1);
      }
      TestMail.sleep();
    }
    throw new AssertionError("No " + what + " to " + address + " within " + within);
  }
}
