package com.hirepilot.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.support.TestPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's tour in headless Chromium, against the app as a new user runs it: embedded mail
 * server and mailbox page, demo data, a real browser clicking through.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalTourBrowserTests {

  static final int PORT = TestPorts.free();
  static final Path DATA = temporaryDirectory();

  static WebDriver browser;

  @DynamicPropertySource
  static void embeddedDefaults(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("portal.data-dir", DATA::toString);
    registry.add("temporal.embedded-port", TestPorts::free);
    registry.add("portal.mail.embedded", () -> true);
    registry.add("portal.demo.enabled", () -> true);
  }

  @BeforeAll
  static void startChromium() {
    Path chromium = Path.of("/usr/bin/chromium");
    Path driver = Path.of("/usr/bin/chromedriver");
    assertThat(chromium)
        .as("Install Chromium for the browser tests: apt-get install chromium chromium-driver")
        .exists();
    assertThat(driver).exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + temporaryDirectory());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theTourFromMailboxToApprovalWorksInABrowser() {
    String origin = "http://localhost:" + PORT;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    browser.get(origin + "/mailbox");
    WebElement submissionMail =
        wait.until(
            d -> {
              d.navigate().refresh();
              return d
                  .findElements(By.partialLinkText("New candidate for Senior Backend Engineer"))
                  .stream()
                  .findFirst()
                  .orElse(null);
            });
    submissionMail.click();

    browser.switchTo().frame(browser.findElement(By.cssSelector("iframe.mail")));
    browser.findElement(By.linkText("View candidate")).click();
    browser.switchTo().defaultContent();

    wait.until(ExpectedConditions.urlContains("/portal/login?token="));
    assertThat(browser.getPageSource()).contains("Continue to the portal");
    browser.findElement(By.xpath("//button[contains(., 'Continue to the portal')]")).click();

    wait.until(ExpectedConditions.urlContains("/portal/jobs/"));
    assertThat(browser.getPageSource()).contains("Jordan Lee").doesNotContain("95k");

    // A question first: it lands in the conversation, as text, and the status stays.
    browser
        .findElement(By.cssSelector("form.comment textarea[name=body]"))
        .sendKeys("<b>Can we see a code sample?</b>");
    browser.findElement(By.xpath("//button[contains(., 'Send comment')]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".notice"), "sent to your recruiter"));
    assertThat(browser.findElement(By.cssSelector(".thread")).getText())
        .contains("<b>Can we see a code sample?</b>");
    assertThat(browser.findElements(By.cssSelector(".thread b"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector(".status")).getText())
        .isEqualTo("AWAITING FEEDBACK");

    browser.findElement(By.xpath("//button[contains(., 'Approve')]")).click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "approved"));
    assertThat(browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("APPROVED");

    browser.get(origin + "/mailbox");
    wait.until(
        d -> {
          d.navigate().refresh();
          return d.getPageSource().contains("Casey Client approved Jordan Lee")
              && d.getPageSource().contains("Casey Client commented on Jordan Lee");
        });
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("portal-browser-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
