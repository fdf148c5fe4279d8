package com.hirepilot.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A recruiter looks at the emails their clients get, in headless Chromium: the list of templates
 * from the account menu, then one preview with its framed HTML in the agency's brand and its text
 * part. Both pages pass axe-core and the Nu HTML Checker. Screenshots go to a temporary directory:
 * the documented ones are the console journey's.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ConsoleEmailPreviewBrowserTests {

  static final int PORT = TestPorts.free();
  static final String ORIGIN = "http://localhost:" + PORT;
  static final String TOKEN = "email-preview-browser-token-0123456789";
  static final String EMAIL = "riley@northwind.example";
  static final String PASSWORD = "correct horse battery staple";
  static final Path DATA = temporaryDirectory("email-preview-data-");

  static Chromium chromium;

  @DynamicPropertySource
  static void embeddedDefaults(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("portal.base-url", () -> ORIGIN);
    registry.add("portal.data-dir", DATA::toString);
    registry.add("temporal.embedded-port", TestPorts::free);
    registry.add("portal.mail.embedded", () -> true);
    registry.add("portal.bootstrap.token", () -> TOKEN);
    registry.add("portal.bootstrap.email", () -> EMAIL);
    registry.add("portal.bootstrap.password", () -> PASSWORD);
  }

  @BeforeAll
  static void startChromium() {
    chromium = new Chromium(temporaryDirectory("email-preview-screenshots-"));
  }

  @AfterAll
  static void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aRecruiterFindsTheEmailPreviewsAndReadsTheSubmissionEmailInBothParts() {
    WebDriver browser = chromium.driver;
    browser.get(ORIGIN + "/console/account");
    chromium.wait.until(ExpectedConditions.urlContains("/console/login"));
    browser.findElement(By.id("email")).sendKeys(EMAIL);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.xpath("//button[contains(., 'Sign in')]")).click();
    chromium.wait.until(ExpectedConditions.urlMatches(".*/console/account$"));

    // From the account menu to the list of templates.
    browser.findElement(By.cssSelector("details.menu summary")).click();
    browser.findElement(By.linkText("Email previews")).click();
    chromium.wait.until(ExpectedConditions.urlMatches(".*/console/emails$"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Email previews");
    List<String> templates =
        browser.findElements(By.cssSelector("main tbody th a")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(templates)
        .contains(
            "New candidate",
            "Updated submission (round 2)",
            "Reminder",
            "Last reminder",
            "No response alert",
            "Client decision",
            "Client comment",
            "Client comments digest",
            "Sign-in link",
            "Support ticket");
    chromium.check("console-emails");

    // One preview: headers, the HTML in its sandboxed frame, and the text part.
    browser.findElement(By.linkText("New candidate")).click();
    chromium.wait.until(ExpectedConditions.urlMatches(".*/console/emails/submission$"));
    assertThat(browser.findElement(By.cssSelector(".facts")).getText())
        .contains("New candidate for Senior Data Engineer: Jordan Rivera")
        .contains(EMAIL);
    String text = browser.findElement(By.cssSelector("pre.email-text")).getText();
    assertThat(text)
        .contains("Hello Casey Morgan,")
        .contains("View candidate:")
        .contains("- Kafka");
    chromium.check("console-email-submission");

    WebElement frame = browser.findElement(By.cssSelector("iframe.email-frame"));
    assertThat(frame.getAttribute("sandbox")).isEmpty();
    browser.switchTo().frame(frame);
    try {
      assertThat(browser.findElement(By.linkText("View candidate")).getAttribute("href"))
          .isEqualTo(ORIGIN + "/portal/login?token=sample");
      assertThat(browser.findElement(By.tagName("body")).getText())
          .contains("Jordan Rivera")
          .contains("Kafka");
    } finally {
      browser.switchTo().defaultContent();
    }
  }

  private static Path temporaryDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
