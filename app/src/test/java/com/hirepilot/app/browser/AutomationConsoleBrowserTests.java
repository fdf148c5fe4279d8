package com.hirepilot.app.browser;

import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Automation in the console, in headless Chromium: a recruiter makes a rule through the form, sees
 * a rule that would post back into HirePilot refused with the API's message and what was typed
 * kept, then a client's approval runs the rule: its run shows SUCCEEDED on the rule's page and the
 * task it gave waits on the landing page until marked done. Every page passes axe-core and the Nu
 * HTML Checker.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class AutomationConsoleBrowserTests {

  static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  @Test
  void aRuleMadeInTheConsoleGivesATaskOnApprovalThatIsTickedOffOnTheLandingPage() {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String jobTitle = "Console automation " + u;
    String client = "console-auto-" + u + "@client.test";
    String jobId =
        api.create("/api/jobs", "{\"title\":" + quote(jobTitle) + ",\"clientCompany\":\"Acme\"}");
    api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":" + quote(client) + "}");
    String candidateId = api.create("/api/candidates", "{\"name\":\"Robin " + u + "\"}");
    String taskTitle = "Call Acme about Robin " + u;

    try (Chromium chromium = new Chromium(SCREENSHOTS)) {
      WebDriver browser = chromium.driver;
      WebDriverWait wait = chromium.wait;
      browser.get(origin + "/console/automation");
      wait.until(ExpectedConditions.urlContains("/console/login"));
      browser.findElement(By.id("email")).sendKeys(TestRuntime.RECRUITER_EMAIL);
      browser.findElement(By.id("password")).sendKeys(TestRuntime.RECRUITER_PASSWORD);
      browser.findElement(By.xpath("//button[contains(., 'Sign in')]")).click();
      wait.until(ExpectedConditions.urlMatches(".*/console/automation$"));
      assertThat(browser.findElement(By.xpath("//a[@aria-current='page']")).getText())
          .isEqualTo("Automation");
      chromium.check("60-console-automation");

      // A rule that would post back into HirePilot is refused with the API's message, as typed.
      String selfUrl = origin + "/x";
      browser.findElement(By.id("rule-name")).sendKeys("Loop " + u);
      new Select(browser.findElement(By.id("rule-trigger"))).selectByValue("APPROVED");
      new Select(browser.findElement(By.id("a0-type"))).selectByValue("WEBHOOK");
      browser.findElement(By.id("a0-url")).sendKeys(selfUrl);
      browser.findElement(By.id("a0-secret")).sendKeys("a-webhook-secret-of-some-length");
      browser.findElement(By.xpath("//button[contains(., 'Create rule')]")).click();
      wait.until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash-area .problem")));
      assertThat(browser.findElement(By.cssSelector(".flash-area .problem")).getText())
          .contains("points at HirePilot itself")
          .contains("the rule would re-trigger itself");
      assertThat(browser.findElement(By.id("rule-name")).getAttribute("value"))
          .isEqualTo("Loop " + u);
      assertThat(browser.findElement(By.id("a0-url")).getAttribute("value")).isEqualTo(selfUrl);
      assertThat(browser.findElement(By.id("a0-secret")).getAttribute("value")).isEmpty();
      assertThat(browser.getPageSource()).doesNotContain("a-webhook-secret-of-some-length");
      chromium.check("61-console-automation-refused");

      // The rule as meant: on approval for this job, a task.
      browser.get(origin + "/console/automation");
      browser.findElement(By.id("rule-name")).sendKeys("Follow up " + u);
      new Select(browser.findElement(By.id("rule-trigger"))).selectByValue("APPROVED");
      new Select(browser.findElement(By.id("rule-job"))).selectByValue(jobId);
      new Select(browser.findElement(By.id("a0-type"))).selectByValue("CREATE_TASK");
      browser.findElement(By.id("a0-title")).sendKeys(taskTitle);
      browser.findElement(By.xpath("//button[contains(., 'Create rule')]")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".flash-area .notice"), "Rule created"));
      String row =
          browser
              .findElement(By.xpath("//tr[.//a[normalize-space()='Follow up " + u + "']]"))
              .getText();
      assertThat(row)
          .contains("APPROVED")
          .contains("the job is " + jobTitle)
          .contains("Give the recruiter a task: " + taskTitle)
          .contains("Active");
      assertThat(browser.getPageSource()).doesNotContain("Loop " + u);

      // The client approves in the portal.
      String submissionId =
          api.create(
              "/api/jobs/" + jobId + "/submissions",
              "{\"candidateId\":" + quote(candidateId) + "}");
      var email = TestMail.awaitMessage(client, s -> s.startsWith("New candidate"));
      Browser portal = new Browser(origin);
      assertThat(portal.signInWith(TestMail.portalLinks(email).get(0))).isEqualTo(200);
      HttpResponse<String> decided =
          portal.postJson(
              "/api/portal/submissions/" + submissionId + "/decision",
              "{\"decision\":\"APPROVE\",\"reason\":\"Strong on systems design\"}");
      assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

      // The run, SUCCEEDED, on the rule's page.
      browser.findElement(By.linkText("Follow up " + u)).click();
      wait.until(ExpectedConditions.urlMatches(".*/console/automation/[^/]+$"));
      String rulePage = browser.getCurrentUrl();
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(
              d -> {
                d.get(rulePage);
                return d.findElement(By.id("main")).getText().contains("SUCCEEDED");
              });
      String run = browser.findElement(By.xpath("//tbody/tr[1]")).getText();
      assertThat(run).contains("APPROVED").contains("CREATE_TASK: SUCCEEDED, 1 attempt");
      assertThat(browser.findElement(By.xpath("//tbody/tr[1]//a")).getAttribute("href"))
          .endsWith("/console/submissions/" + submissionId);
      chromium.check("62-console-automation-runs");

      // The task on the landing page, with its job and submission; then done.
      browser.get(origin + "/console");
      wait.until(ExpectedConditions.urlMatches(".*/console/jobs$"));
      String tasks = browser.findElement(By.xpath("//*[@id='tasks-title']/..")).getText();
      assertThat(tasks).contains(taskTitle).contains(jobTitle).contains("the submission");
      chromium.check("63-console-tasks");
      browser
          .findElement(
              By.xpath(
                  "//li[.//strong[normalize-space()='"
                      + taskTitle
                      + "']]//button[contains(., 'Done')]"))
          .click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".flash-area .notice"), "Task done"));
      assertThat(browser.findElement(By.id("main")).getText()).doesNotContain(taskTitle);
      chromium.check("64-console-tasks-done");
    }
  }
}
