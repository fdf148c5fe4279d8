package com.hirepilot.app.browser;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestFiles;
import com.hirepilot.app.testing.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A recruiter's day in the console, in headless Chromium against the app as a new user runs it
 * (embedded mail server, demo data): sign in, create a job, a candidate with a resume and a
 * collaborator, submit, and watch the submission change on screen, without a reload, when the
 * client approves in a browser of their own; and a client address that bounces, shown on the job
 * page, the submission page and "Needs attention" until the recruiter confirms it. Every console
 * page passes axe-core and the Nu HTML Checker and is saved as desktop and phone screenshots under
 * {@code docs/screenshots/}.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ConsoleJourneyBrowserTests {

  static final int PORT = TestPorts.free();
  static final String ORIGIN = "http://localhost:" + PORT;
  static final String TOKEN = "console-browser-token-0123456789abcdef";
  static final String EMAIL = "riley@northwind.example";
  static final String PASSWORD = "correct horse battery staple";
  static final Path DATA = temporaryDirectory();
  static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

  static Chromium recruiterBrowser;
  static Chromium clientBrowser;

  @org.springframework.beans.factory.annotation.Autowired
  com.hirepilot.app.notification.EmailDeliveries deliveries;

  @org.springframework.beans.factory.annotation.Autowired
  com.hirepilot.app.notification.AddressFlags flags;

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @DynamicPropertySource
  static void embeddedDefaults(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("portal.base-url", () -> ORIGIN);
    registry.add("portal.data-dir", DATA::toString);
    registry.add("temporal.embedded-port", TestPorts::free);
    registry.add("portal.mail.embedded", () -> true);
    registry.add("portal.demo.enabled", () -> true);
    registry.add("portal.bootstrap.token", () -> TOKEN);
    registry.add("portal.bootstrap.email", () -> EMAIL);
    registry.add("portal.bootstrap.password", () -> PASSWORD);
  }

  @BeforeAll
  static void startChromium() {
    recruiterBrowser = new Chromium(SCREENSHOTS);
    clientBrowser = new Chromium(SCREENSHOTS);
  }

  @AfterAll
  static void stopChromium() {
    for (Chromium chromium : new Chromium[] {recruiterBrowser, clientBrowser}) {
      if (chromium != null) {
        chromium.close();
      }
    }
  }

  @Test
  void aRecruiterSetsUpAJobSubmitsAndWatchesTheClientApproveLive() throws IOException {
    Chromium chromium = recruiterBrowser;
    WebDriver browser = chromium.driver;
    WebDriverWait wait = chromium.wait;

    // Signing in: an email link to a console page lands there after the password.
    browser.get(ORIGIN + "/console/jobs");
    wait.until(ExpectedConditions.urlContains("/console/login"));
    chromium.check("20-console-sign-in");
    browser.findElement(By.id("email")).sendKeys(EMAIL);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.xpath("//button[contains(., 'Sign in')]")).click();
    wait.until(ExpectedConditions.urlMatches(".*/console/jobs$"));
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Senior Backend Engineer");
    chromium.check("21-console-jobs");

    // A job.
    browser.findElement(By.id("job-title")).sendKeys("Platform Engineer");
    browser.findElement(By.id("job-client")).sendKeys("Globex");
    browser.findElement(By.id("job-location")).sendKeys("Hamburg or remote");
    browser.findElement(By.id("job-description")).sendKeys("Run the platform Globex ships on.");
    browser.findElement(By.xpath("//button[contains(., 'Create job')]")).click();
    wait.until(ExpectedConditions.urlMatches(".*/console/jobs/[^/]+$"));
    String jobUrl = browser.getCurrentUrl();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Platform Engineer");

    // A collaborator for it.
    openDetails(browser, "add-collaborator");
    browser.findElement(By.id("collaborator-email")).sendKeys("dana.client@globex.example");
    browser.findElement(By.id("collaborator-name")).sendKeys("Dana Client");
    browser.findElement(By.xpath("//button[contains(., 'Add collaborator')]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("collaborators"), "Dana Client"));

    // A candidate with a resume, public so the client can read it.
    Path resume = Files.createTempFile("Ada-Moreau-resume", ".pdf");
    Files.write(resume, TestFiles.pdf("Ada Moreau - Platform Engineer"));
    browser.get(ORIGIN + "/console/candidates");
    chromium.check("22-console-candidates");
    openDetails(browser, "new-candidate");
    browser.findElement(By.id("c-name")).sendKeys("Ada Moreau");
    browser.findElement(By.id("c-title")).sendKeys("Platform Engineer");
    browser.findElement(By.id("c-company")).sendKeys("Initech");
    browser.findElement(By.id("c-skills")).sendKeys("Kubernetes, Go, Terraform");
    browser.findElement(By.id("c-notes")).sendKeys("Internal: asks for 95k.");
    browser.findElement(By.id("c-file")).sendKeys(resume.toAbsolutePath().toString());
    browser.findElement(By.id("c-public")).click();
    browser.findElement(By.xpath("//button[contains(., 'Add candidate')]")).click();
    wait.until(ExpectedConditions.urlMatches(".*/console/candidates/[^/?]+.*"));
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Ada Moreau")
        .contains(resume.getFileName().toString().substring(0, 10));
    chromium.check("23-console-candidate");

    // Submitting her to the job, with her resume.
    browser.get(jobUrl);
    WebElement ada =
        browser.findElement(
            By.xpath("//ul[@class='choices']/li[.//strong[normalize-space()='Ada Moreau']]"));
    ada.findElement(By.name("candidateIds")).click();
    ada.findElements(By.name("attachmentIds")).forEach(WebElement::click);
    browser.findElement(By.id("submit-message")).sendKeys("Ada ran Initech's platform team.");
    chromium.check("24-console-job");
    browser.findElement(By.xpath("//button[contains(., 'Submit and email the clients')]")).click();
    wait.until(ExpectedConditions.urlContains("/console/submissions/"));
    String submissionUrl = browser.getCurrentUrl();
    String submissionId = submissionUrl.substring(submissionUrl.lastIndexOf('/') + 1);
    // The email goes out; the page follows on its own.
    try {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("workflow"), "Awaiting feedback"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "The page did not follow the workflow. On the page: "
              + browser.findElement(By.id("workflow")).getText()
              + "; live stream: "
              + ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript("return document.documentElement.dataset.liveConnected")
              + "; the API says: "
              + new RecruiterApi(ORIGIN, TOKEN).get("/api/submissions/" + submissionId).body(),
          e);
    }
    chromium.check("25-console-submission");

    // The client approves in their own browser. The recruiter's page is not reloaded: a marker
    // set on it now would be gone after a reload.
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("window.__sameDocument = 'yes';");
    wait.until(
        d ->
            "open"
                .equals(
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return document.documentElement.dataset.liveConnected")));
    clientApproves(submissionId);
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("workflow"), "Approved"));
    assertThat(
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.__sameDocument"))
        .isEqualTo("yes");
    // Each event the approval causes (the decision, the notice, the stage) replaces the live
    // sections again, so an element found once can be gone a moment later: wait on the text,
    // which looks the section up afresh each time.
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("client-actions"), "Ready to meet Ada"));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                d.findElement(By.id("timeline"))
                    .getText()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("approved"));
    chromium.check("26-console-submission-approved");

    // The board moved too.
    browser.get(jobUrl);
    assertThat(browser.findElement(By.id("board")).getText()).contains("Ada Moreau");

    // The other pages of the console, each checked.
    RecruiterApi api = new RecruiterApi(ORIGIN, TOKEN);
    assertThat(json(api.get("/api/submissions/" + submissionId)).get("status").asText())
        .isEqualTo("APPROVED");
    browser.get(ORIGIN + "/console/attention");
    chromium.check("27-console-attention");
    browser.get(ORIGIN + "/console/rex");
    chromium.check("28-console-rex");
    browser.get(ORIGIN + "/console/settings");
    chromium.check("29-console-settings");
    browser.get(ORIGIN + "/console/tokens");
    chromium.check("30-console-tokens");
    browser.get(ORIGIN + "/console/team");
    chromium.check("31-console-team");
    browser.get(ORIGIN + "/console/guests");
    chromium.check("32-console-guests");
    browser.get(ORIGIN + "/console/account");
    chromium.check("33-console-account");
    browser.get(ORIGIN + "/console/jobs/no-such-job");
    chromium.check("34-console-not-found");

    browser.get(ORIGIN + "/console/account");
    browser.findElement(By.cssSelector("details.menu summary")).click();
    browser.findElement(By.xpath("//button[contains(., 'Sign out')]")).click();
    wait.until(ExpectedConditions.urlContains("/console/login?signedOut"));
    browser.get(submissionUrl);
    wait.until(ExpectedConditions.urlContains("/console/login"));
  }

  /**
   * A client's address bounces: the job page, the submission page and "Needs attention" show it
   * with SendGrid's reason, a new submission to it is refused on the page with the typed message
   * kept, and once the recruiter confirms the address the flag is gone.
   */
  @Test
  void aBouncedAddressShowsEverywhereHoldsUpNewMailAndGoesOnceConfirmed() throws IOException {
    String address = "ana.bounce@initrode.example";
    String reason = "550 5.1.1 mailbox does not exist";
    RecruiterApi api = new RecruiterApi(ORIGIN, TOKEN);
    String jobId =
        api.create("/api/jobs", "{\"title\":\"Data Engineer\",\"clientCompany\":\"Initrode\"}");
    api.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":\"" + address + "\",\"name\":\"Ana Bounce\"}");
    api.create("/api/candidates", "{\"name\":\"Ravi Patel\",\"title\":\"Data Engineer\"}");
    api.create("/api/candidates", "{\"name\":\"Mei Tan\",\"title\":\"Analytics Engineer\"}");
    String workspaceId =
        jdbc.sql("select workspace_id from job where id = ?")
            .param(jobId)
            .query(String.class)
            .single();

    try (Chromium chromium = new Chromium(SCREENSHOTS)) {
      WebDriver browser = chromium.driver;
      WebDriverWait wait = chromium.wait;
      browser.get(ORIGIN + "/console/jobs/" + jobId);
      wait.until(ExpectedConditions.urlContains("/console/login"));
      browser.findElement(By.id("email")).sendKeys(EMAIL);
      browser.findElement(By.id("password")).sendKeys(PASSWORD);
      browser.findElement(By.xpath("//button[contains(., 'Sign in')]")).click();
      wait.until(ExpectedConditions.urlMatches(".*/console/jobs/" + jobId + "$"));

      // Ravi is submitted from the console; his email to Ana leaves, then SendGrid bounces it.
      pick(browser, "Ravi Patel");
      browser
          .findElement(By.xpath("//button[contains(., 'Submit and email the clients')]"))
          .click();
      wait.until(ExpectedConditions.urlContains("/console/submissions/"));
      String submissionUrl = browser.getCurrentUrl();
      String submissionId = submissionUrl.substring(submissionUrl.lastIndexOf('/') + 1);
      com.hirepilot.app.notification.EmailDelivery sent =
          wait.until(
              d ->
                  deliveries.forSubmission(submissionId).stream()
                      .filter(
                          e ->
                              e.recipient().equals(address)
                                  && e.status()
                                      == com.hirepilot.app.notification.EmailDelivery.Status.SENT)
                      .findFirst()
                      .orElse(null));
      java.time.Instant bouncedAt = java.time.Instant.now();
      deliveries.providerSaid(
          sent.id(),
          com.hirepilot.app.notification.EmailDelivery.Status.BOUNCED,
          reason,
          bouncedAt);
      flags.flag(
          workspaceId,
          address,
          com.hirepilot.app.notification.EmailDelivery.Status.BOUNCED,
          reason,
          sent.id(),
          bouncedAt);

      // The job page: the address carries a "Bounced" badge in words, with the reason.
      browser.get(ORIGIN + "/console/jobs/" + jobId);
      // The live page may redraw a section between finding it and reading it: look afresh.
      assertThat(
              textOf(
                  wait,
                  By.xpath(
                      "//div[@id='collaborators']//tr[.//td[contains(., '" + address + "')]]")))
          .contains("Bounced")
          .contains(reason);
      assertThat(textOf(wait, By.id("sending-on-hold"))).contains(address + " bounced: " + reason);
      chromium.check("35-console-job-bounced");

      // A new submission to the job is refused on the page, with what was typed kept.
      pick(browser, "Mei Tan");
      browser.findElement(By.id("submit-message")).sendKeys("Mei rebuilt Initech's warehouse.");
      browser
          .findElement(By.xpath("//button[contains(., 'Submit and email the clients')]"))
          .click();
      wait.until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash-area .problem")));
      assertThat(textOf(wait, By.cssSelector(".flash-area .problem")))
          .contains(address + " bounced: " + reason + ". Confirm or correct the address first.");
      assertThat(browser.findElement(By.id("submit-message")).getAttribute("value"))
          .isEqualTo("Mei rebuilt Initech's warehouse.");
      assertThat(chromium.axeViolations()).as("axe-core on the refused submission").isEmpty();
      assertThat(json(api.get("/api/submissions?jobId=" + jobId)).size()).isEqualTo(1);

      // The submission page: the email's status, reason and history.
      browser.get(submissionUrl);
      By toAna =
          By.xpath("//section[@id='emails']//tr[.//td[normalize-space()='" + address + "']]");
      assertThat(textOf(wait, toAna)).contains("Bounced").contains(reason);
      // The section is redrawn live as the workflow moves on, so each look finds it afresh.
      String history =
          wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
              .until(
                  d -> {
                    WebElement details =
                        d.findElement(toAna).findElement(By.cssSelector("details.email-history"));
                    if (details.getAttribute("open") == null) {
                      details.findElement(By.tagName("summary")).click();
                    }
                    String text = details.getText();
                    return text.contains("Bounced") ? text : null;
                  });
      assertThat(history).contains("Queued").contains("Sent").contains(reason);
      assertThat(textOf(wait, By.xpath("//*[@id='clients-title']/.."))).contains("Bounced");
      chromium.check("36-console-submission-bounced");

      // "Needs attention" lists the address, with the job to fix it on, and the email.
      browser.get(ORIGIN + "/console/attention");
      assertThat(textOf(wait, By.id("flagged-addresses")))
          .contains(address)
          .contains("Bounced")
          .contains(reason);
      assertThat(textOf(wait, By.id("failed-emails"))).contains(address);
      chromium.check("37-console-attention-bounced");

      // The recruiter checked with the client: the address is right. Confirmed on the job page.
      clickFresh(
          wait,
          By.xpath("//section[@id='flagged-addresses']//a[normalize-space()='Data Engineer']"));
      wait.until(ExpectedConditions.urlContains("/console/jobs/" + jobId));
      clickFresh(wait, By.xpath("//button[@aria-label='Confirm address: " + address + "']"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".flash-area .notice"), "Confirmed " + address));
      assertThat(textOf(wait, By.id("collaborators")))
          .doesNotContain("Bounced")
          .doesNotContain(reason);
      assertThat(browser.findElements(By.id("sending-on-hold"))).isEmpty();
      assertThat(flags.find(workspaceId, address)).isEmpty();
      assertThat(textOf(wait, By.id("activity"))).contains("confirmed " + address);
      browser.get(ORIGIN + "/console/attention");
      assertThat(browser.findElements(By.id("flagged-addresses"))).isEmpty();

      // And Mei goes out now.
      browser.get(ORIGIN + "/console/jobs/" + jobId);
      pick(browser, "Mei Tan");
      browser
          .findElement(By.xpath("//button[contains(., 'Submit and email the clients')]"))
          .click();
      wait.until(ExpectedConditions.urlContains("/console/submissions/"));
      assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Mei Tan");
    }
  }

  /** The text of what the locator finds now, however often the live page redraws it. */
  private static String textOf(WebDriverWait wait, By locator) {
    return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(locator).getText());
  }

  /** Clicks what the locator finds now: live pages redraw their sections as things happen. */
  private static void clickFresh(WebDriverWait wait, By locator) {
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(locator).click();
              return true;
            });
  }

  private static void pick(WebDriver browser, String candidate) {
    browser
        .findElement(
            By.xpath(
                "//ul[@class='choices']/li[.//strong[normalize-space()='"
                    + candidate
                    + "']]//input[@name='candidateIds']"))
        .click();
  }

  /** The client's own browser: the email, the link, and the approval. */
  private void clientApproves(String submissionId) {
    WebDriver client = clientBrowser.driver;
    WebDriverWait wait = clientBrowser.wait;
    client.get(ORIGIN + "/mailbox");
    WebElement email =
        wait.until(
            d -> {
              d.navigate().refresh();
              return d
                  .findElements(
                      By.partialLinkText("New candidate for Platform Engineer: Ada Moreau"))
                  .stream()
                  .findFirst()
                  .orElse(null);
            });
    email.click();
    client.switchTo().frame(client.findElement(By.cssSelector("iframe.mail")));
    String link = client.findElement(By.linkText("View candidate")).getAttribute("href");
    client.switchTo().defaultContent();
    client.get(link);
    client.findElement(By.xpath("//button[contains(., 'Continue to the portal')]")).click();
    wait.until(ExpectedConditions.urlContains("/portal/submissions/" + submissionId));
    client.findElement(By.xpath("//summary[contains(., 'Approve')]")).click();
    client.findElement(By.id("approve-note")).sendKeys("Ready to meet Ada next week.");
    client.findElement(By.xpath("//button[contains(., 'Confirm approval')]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".decision .notice"), "Approved"));
  }

  private static void openDetails(WebDriver browser, String id) {
    WebElement details = browser.findElement(By.id(id));
    if (details.getAttribute("open") == null) {
      details.findElement(By.tagName("summary")).click();
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("console-browser-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
