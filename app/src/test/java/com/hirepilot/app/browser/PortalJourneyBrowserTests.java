package com.hirepilot.app.browser;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestFiles;
import com.hirepilot.app.testing.TestPorts;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hiring manager's whole way through the portal in headless Chromium, against the app as a new
 * user runs it (embedded mail server and mailbox page, the demo data): from the email to a
 * decision, the live activity feed, and the walls around other jobs. Every view passes axe-core and
 * the Nu HTML Checker, and is saved as a desktop and a phone screenshot under {@code
 * docs/screenshots/} for the README's tour.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalJourneyBrowserTests {

  static final int PORT = TestPorts.free();
  static final String ORIGIN = "http://localhost:" + PORT;
  static final String TOKEN = "browser-test-recruiter-token-0123456789abcdef";
  static final Path DATA = temporaryDirectory();
  static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

  static Chromium chromium;

  @DynamicPropertySource
  static void embeddedDefaults(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("portal.base-url", () -> ORIGIN);
    registry.add("portal.data-dir", DATA::toString);
    registry.add("temporal.embedded-port", TestPorts::free);
    registry.add("portal.mail.embedded", () -> true);
    registry.add("portal.demo.enabled", () -> true);
    registry.add("portal.bootstrap.token", () -> TOKEN);
  }

  @BeforeAll
  static void startChromium() {
    chromium = new Chromium(SCREENSHOTS);
  }

  @AfterAll
  static void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aHiringManagerGoesFromTheEmailToADecisionAndSeesItHappenLive() {
    var browser = chromium.driver;
    var wait = chromium.wait;
    RecruiterApi recruiter = new RecruiterApi(ORIGIN, TOKEN);
    String demoSubmission = demoSubmissionId(recruiter);
    String demoJob =
        json(recruiter.get("/api/submissions/" + demoSubmission)).get("jobId").asText();
    OtherJob other = anotherJobWithAnotherClient(recruiter);
    String secondCandidate = submitWithPortfolio(recruiter, demoJob);

    // The email: one button, which opens a page that names the agency and the job, nothing more.
    browser.get(ORIGIN + "/mailbox");
    WebElement submissionMail =
        wait.until(
            d -> {
              d.navigate().refresh();
              return d
                  .findElements(
                      By.partialLinkText("New candidate for Senior Backend Engineer: Jordan"))
                  .stream()
                  .findFirst()
                  .orElse(null);
            });
    submissionMail.click();
    browser.switchTo().frame(browser.findElement(By.cssSelector("iframe.mail")));
    String link = browser.findElement(By.linkText("View candidate")).getAttribute("href");
    browser.switchTo().defaultContent();
    chromium.screenshot("00-email");

    browser.get(link);
    String confirm = browser.findElement(By.tagName("main")).getText();
    assertThat(confirm)
        .contains("Northwind Talent (demo)")
        .contains("Review candidates for Senior Backend Engineer")
        .doesNotContain("Jordan");
    chromium.check("01-confirm");

    // The candidate, with the resume shown in the page and the file to download.
    browser.findElement(By.xpath("//button[contains(., 'Continue to the portal')]")).click();
    wait.until(ExpectedConditions.urlContains("/portal/submissions/" + demoSubmission));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-pdf-ready] canvas")));
    assertThat(browser.findElement(By.cssSelector(".person")).getText())
        .contains("Jordan Lee", "Staff Software Engineer at Parcelly", "Waiting for your feedback")
        .doesNotContain("95k");
    assertThat(browser.findElements(By.cssSelector(".thread .entries li"))).hasSize(1);
    WebElement download = browser.findElement(By.linkText("Download"));
    Map<String, Object> file = chromium.fetch(download.getAttribute("href"));
    assertThat(file.get("status")).isEqualTo(200L);
    assertThat(file.get("type")).isEqualTo("application/pdf");
    assertThat((String) file.get("disposition"))
        .startsWith("attachment")
        .contains("Jordan-Lee-resume.pdf");
    assertThat(file.get("nosniff")).isEqualTo("nosniff");
    assertThat((Long) file.get("size")).isPositive();
    chromium.check("02-candidate");

    // The jobs home and the job: counts, the waiting candidates first, a filter.
    browser.get(ORIGIN + "/portal");
    assertThat(browser.findElement(By.cssSelector(".count.waiting dd")).getText()).isEqualTo("2");
    chromium.check("03-home");
    browser.findElement(By.linkText("Senior Backend Engineer")).click();
    wait.until(ExpectedConditions.urlContains("/portal/jobs/" + demoJob));
    assertThat(browser.findElements(By.cssSelector("li.card.candidate"))).hasSize(2);
    chromium.check("04-job");

    // An interview request, with availability, confirmed in its own panel.
    browser.get(ORIGIN + "/portal/submissions/" + secondCandidate);
    assertThat(browser.findElement(By.cssSelector(".preview img")).getAttribute("alt"))
        .isEqualTo("Document of Sam Okafor");
    browser.findElement(By.xpath("//summary[contains(., 'Request interview')]")).click();
    browser.findElement(By.id("availability")).sendKeys("Tue 10:00-12:00 or Thu afternoon");
    browser.findElement(By.xpath("//button[contains(., 'Send interview request')]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".decision .notice"), "Interview requested"));
    assertThat(browser.findElement(By.cssSelector(".person .status")).getText())
        .isEqualTo("Interview requested");
    chromium.check("05-interview-requested");

    // The activity feed, live: the recruiter replies through the API, the open page shows it.
    browser.get(ORIGIN + "/portal/jobs/" + demoJob);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-live]")));
    chromium.js().executeScript("window.samePage = 'yes';");
    HttpResponse<String> reply =
        recruiter.post(
            "/api/submissions/" + demoSubmission + "/comments",
            "{\"body\":\"Jordan can also start in January, if that helps.\"}");
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".activity ol.feed"), "replied about Jordan Lee"));
    assertThat(chromium.js().executeScript("return window.samePage;")).isEqualTo("yes");
    // The interview request, made a moment ago, is on the feed too.
    assertThat(browser.findElement(By.cssSelector(".activity ol.feed")).getText())
        .contains("Sam Okafor");
    chromium.check("06-live-activity");

    // Approve: confirmed, and the result is on the page at once.
    browser.get(ORIGIN + "/portal/submissions/" + demoSubmission);
    assertThat(browser.findElement(By.cssSelector(".thread")).getText())
        .contains("Jordan can also start in January");
    browser.findElement(By.xpath("//summary[contains(., 'Approve')]")).click();
    browser.findElement(By.id("approve-note")).sendKeys("Great fit, let's move.");
    browser.findElement(By.xpath("//button[contains(., 'Confirm approval')]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".decision .notice"), "Approved"));
    assertThat(browser.findElement(By.cssSelector(".person .status")).getText())
        .isEqualTo("Approved");
    assertThat(browser.findElement(By.cssSelector(".decision")).getText())
        .contains("You approved Jordan Lee")
        .contains("To change it, ask your recruiter");
    assertThat(browser.findElements(By.xpath("//button[contains(., 'Confirm rejection')]")))
        .isEmpty();
    chromium.check("07-approved");

    browser.get(ORIGIN + "/portal/help");
    chromium.check("08-help");

    // Another job's pages, files and event stream are out of reach.
    browser.get(ORIGIN + "/portal/jobs/" + other.jobId());
    assertThat(browser.getTitle()).startsWith("Page not found");
    chromium.check("09-not-found");
    browser.get(ORIGIN + "/portal/submissions/" + other.submissionId());
    assertThat(browser.getTitle()).startsWith("Page not found");
    assertThat(chromium.fetch(ORIGIN + "/api/portal/attachments/" + other.fileId()).get("status"))
        .isEqualTo(404L);
    assertThat(
            chromium.fetch(ORIGIN + "/api/portal/jobs/" + other.jobId() + "/events").get("status"))
        .isEqualTo(404L);

    // Signing out, and the pages of a link that no longer works.
    browser.get(ORIGIN + "/portal");
    browser.findElement(By.xpath("//button[contains(., 'Sign out')]")).click();
    wait.until(ExpectedConditions.urlContains("/portal/access?signedOut"));
    chromium.check("10-signed-out");
    browser.get(link);
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("This link has already been used");
    chromium.check("11-link-used");
    browser.findElement(By.xpath("//button[contains(., 'Email me a fresh link')]")).click();
    wait.until(ExpectedConditions.urlContains("/portal/access?sent"));
    chromium.check("12-link-sent");

    browser.get(other.link());
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Review candidates for " + other.title());
    assertThat(
            recruiter
                .delete("/api/jobs/" + other.jobId() + "/collaborators/" + other.collaboratorId())
                .statusCode())
        .isEqualTo(204);
    browser.navigate().refresh();
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Your access through this link has ended");
    chromium.check("13-link-revoked");
  }

  record OtherJob(
      String jobId,
      String title,
      String collaboratorId,
      String submissionId,
      String fileId,
      String link) {}

  /** A second job with its own client, candidate and public resume, in the same workspace. */
  private OtherJob anotherJobWithAnotherClient(RecruiterApi recruiter) {
    String title = "Data Platform Lead";
    String jobId =
        recruiter.create(
            "/api/jobs",
            """
            {"title":%s,"description":"Owns the data platform","requirements":"Spark",
             "location":"Hamburg","clientCompany":"Globex","showDescriptionToClients":true}"""
                .formatted(quote(title)));
    String collaboratorId =
        recruiter.create(
            "/api/jobs/" + jobId + "/collaborators",
            "{\"email\":\"dana.client@globex.example\",\"name\":\"Dana Client\"}");
    String candidateId =
        recruiter.create(
            "/api/candidates",
            "{\"name\":\"Alex Rivera\",\"title\":\"Data Engineer\",\"skills\":[\"Spark\"]}");
    HttpResponse<String> upload =
        recruiter.upload(candidateId, "Alex-Rivera-resume.pdf", pdf("Alex Rivera"), "RESUME", true);
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    String fileId = json(upload).get("id").asText();
    String submissionId =
        recruiter.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"message\":\"Strong on Spark.\",\"attachmentIds\":[%s]}"
                .formatted(quote(candidateId), quote(fileId)));
    chromium.driver.get(ORIGIN + "/mailbox");
    WebElement mail =
        chromium.wait.until(
            d -> {
              d.navigate().refresh();
              return d.findElements(By.partialLinkText("New candidate for " + title)).stream()
                  .findFirst()
                  .orElse(null);
            });
    mail.click();
    chromium.driver.switchTo().frame(chromium.driver.findElement(By.cssSelector("iframe.mail")));
    String link = chromium.driver.findElement(By.linkText("View candidate")).getAttribute("href");
    chromium.driver.switchTo().defaultContent();
    return new OtherJob(jobId, title, collaboratorId, submissionId, fileId, link);
  }

  /** A second candidate on the demo job, whose only file is an image: shown in the page. */
  private String submitWithPortfolio(RecruiterApi recruiter, String jobId) {
    String candidateId =
        recruiter.create(
            "/api/candidates",
            """
            {"name":"Sam Okafor","title":"Senior Backend Engineer","currentCompany":"Routefox",
             "skills":["Go","PostgreSQL","gRPC"],"summary":"Scaled Routefox's routing API to 30k rps."}""");
    HttpResponse<String> upload =
        recruiter.upload(candidateId, "Sam-Okafor-portfolio.png", png(), "OTHER", true);
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    return recruiter.create(
        "/api/jobs/" + jobId + "/submissions",
        "{\"candidateId\":%s,\"message\":\"Sam's routing work is close to your dispatch problem.\",\"attachmentIds\":[%s]}"
            .formatted(quote(candidateId), quote(json(upload).get("id").asText())));
  }

  private static String demoSubmissionId(RecruiterApi recruiter) {
    return json(recruiter.get("/api/submissions")).get(0).get("id").asText();
  }

  private static byte[] pdf(String name) {
    return TestFiles.pdf(name);
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xF5F6FA));
    g.fillRect(0, 0, 800, 500);
    g.setColor(new Color(0x2F5BEA));
    g.fillRect(0, 0, 800, 90);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
    g.drawString("Sam Okafor - portfolio", 32, 60);
    g.setColor(new Color(0x1B2230));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
    g.drawString("Routing API: 30k requests per second", 32, 160);
    g.drawString("gRPC gateway, PostgreSQL partitioning", 32, 210);
    g.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("portal-browser-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
