package com.hirepilot.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestPorts;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app as a new user starts it, twice on one data directory, with the shipped defaults: demo
 * data and the in-memory mailbox. The first banner sends them to the demo email; every later one
 * must not, since that mailbox started empty, and must never show the token again.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartBannerTests {

  private static final Pattern TOKEN =
      Pattern.compile("Recruiter API token for owner@localhost: (\\S+)");

  private static final Pattern PASSWORD =
      Pattern.compile("sign in as owner@localhost with password (\\S+)");

  @TempDir Path dataDir;

  @Test
  void aLaterStartSaysTheMailboxIsEmptyAndHowToGetAFreshLinkAndShowsNoToken(CapturedOutput output) {
    String password;
    try (ConfigurableApplicationContext first = start()) {
      Matcher shown = PASSWORD.matcher(output.getOut());
      assertThat(shown.find()).as("the first start shows the console password").isTrue();
      password = shown.group(1);
      String firstOrigin = "http://localhost:" + first.getEnvironment().getProperty("server.port");
      assertThat(
              new com.hirepilot.app.testing.Browser(firstOrigin)
                  .signInToConsole("owner@localhost", password)
                  .headers()
                  .firstValue("Location")
                  .orElse(""))
          .as("the printed password signs in")
          .endsWith("/console");
      assertThat(output.getOut())
          .contains("running, with new demo data")
          .contains("Open \"New candidate for Senior Backend Engineer\" and click View candidate.")
          .contains("Data directory: " + dataDir.toAbsolutePath().normalize());
    }
    Matcher token = TOKEN.matcher(output.getOut());
    assertThat(token.find()).as("the first start shows the generated token").isTrue();
    int firstStart = output.getOut().length();

    try (ConfigurableApplicationContext later = start()) {
      String banner = output.getOut().substring(firstStart);
      String origin = "http://localhost:" + later.getEnvironment().getProperty("server.port");
      assertThat(banner)
          .contains("running, with the data of the previous run")
          .contains("Mailbox (every email from now on lands here): " + origin + "/mailbox")
          .contains("It starts empty on every start")
          .contains("A fresh sign-in link for Casey Client: " + origin + "/portal/access")
          .contains("Enter casey.client@acme.example there; the email lands in the mailbox.")
          .contains("/access-link")
          .contains("never shown again")
          .contains("Data directory: " + dataDir.toAbsolutePath().normalize())
          .doesNotContain("New candidate for")
          .doesNotContain("Demo data created")
          .contains("Recruiter console: " + origin + "/console")
          .doesNotContain(token.group(1))
          .doesNotContain(password);
    }
  }

  /** The shipped configuration, on this test's data directory and free ports. */
  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(HirePilotApplication.class)
        .run(
            "--server.port=" + TestPorts.free(),
            "--temporal.embedded-port=" + TestPorts.free(),
            "--portal.data-dir=" + dataDir,
            "--portal.demo.enabled=true",
            "--portal.mail.embedded=true",
            "--portal.bootstrap.token=");
  }
}
