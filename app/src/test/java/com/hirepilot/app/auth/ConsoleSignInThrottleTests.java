package com.hirepilot.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Console password guessing is slowed per IP and per address (whatever the IP), with the shipped
 * limits; the limit answers 429 with Retry-After before the password is even checked.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnThrottled.class)
class ConsoleSignInThrottleTests {

  final String origin = TestRuntime.throttled().origin();

  @Test
  void oneIpGuessingManyAddressesIsStopped() {
    String ip = "198.51.100." + (1 + (int) (Math.random() * 200));
    Browser browser = new Browser(origin, ip);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      statuses.add(
          browser
              .signInToConsole("guess-" + i + "@agency.test", "wrong-password-000")
              .statusCode());
    }
    assertThat(statuses.subList(0, 20)).containsOnly(302);
    assertThat(statuses.subList(20, 22)).containsOnly(429);
    HttpResponse<String> refused = browser.signInToConsole("x@agency.test", "wrong-password-000");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void oneAddressGuessedFromManyIpsIsStoppedEvenWithTheRightPassword() {
    String address = "target-" + UUID.randomUUID() + "@agency.test";
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      Browser browser = new Browser(origin, "203.0.113." + (10 + i));
      statuses.add(browser.signInToConsole(address, "wrong-password-" + i).statusCode());
    }
    assertThat(statuses.subList(0, 10)).containsOnly(302);
    assertThat(statuses.get(10)).isEqualTo(429);

    // The owner's own address is limited separately: a stranger's guesses at another address
    // never lock them out.
    HttpResponse<String> owner =
        new Browser(origin, "192.0.2.77")
            .signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    assertThat(owner.headers().firstValue("Location").orElse("")).endsWith("/console");
  }
}
