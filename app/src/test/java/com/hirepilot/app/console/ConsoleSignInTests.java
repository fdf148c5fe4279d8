package com.hirepilot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** Recruiters sign in to the console with email and password; tokens made there work at once. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class ConsoleSignInTests {

  @Autowired JdbcClient jdbc;

  final String origin = TestRuntime.h2().origin();

  @Test
  void aRecruiterSignsInWithANewSessionAndHardenedCookie() {
    Browser browser = new Browser(origin);
    browser.getPage("/console/login");
    String before = browser.cookie("JSESSIONID");
    HttpResponse<String> signIn =
        browser.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location").orElse("")).endsWith("/console");
    assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
    assertThat(signIn.headers().allValues("Set-Cookie").toString())
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
    HttpResponse<String> account = browser.getPage("/console/account");
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains(TestRuntime.RECRUITER_EMAIL);
  }

  @Test
  void aWrongPasswordAndAnUnknownAddressAnswerAlike() {
    HttpResponse<String> wrong =
        new Browser(origin).signInToConsole(TestRuntime.RECRUITER_EMAIL, "not-the-password-123");
    HttpResponse<String> unknown =
        new Browser(origin).signInToConsole("nobody@agency.test", "not-the-password-123");
    assertThat(wrong.statusCode()).isEqualTo(302);
    assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/console/login?error");
    assertThat(unknown.headers().firstValue("Location"))
        .isEqualTo(wrong.headers().firstValue("Location"));
  }

  @Test
  void withoutASessionConsolePagesSendToTheSignInPage() {
    HttpResponse<String> page = new Browser(origin).getPage("/console/tokens");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/console/login");
  }

  @Test
  void aTokenMadeInTheConsoleWorksUntilRevokedAndOnlyItsHashIsKept() {
    Browser browser = new Browser(origin);
    browser.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    HttpResponse<String> page = browser.getPage("/console/tokens");
    HttpResponse<String> created =
        browser.postForm(
            "/console/tokens", Map.of("name", "ATS sync", "_csrf", Browser.csrfField(page.body())));
    assertThat(created.statusCode()).isEqualTo(302);
    String shown = browser.getPage("/console/tokens").body();
    Matcher token = Pattern.compile("id=\"new-token\" class=\"token\">([^<]+)<").matcher(shown);
    assertThat(token.find()).as("the new token is shown once").isTrue();
    String secret = token.group(1);
    assertThat(browser.getPage("/console/tokens").body())
        .as("and never again")
        .doesNotContain(secret);
    assertThat(
            jdbc.sql("select count(*) from api_token where token_hash = ?")
                .param(secret)
                .query(Long.class)
                .single())
        .isZero();

    RecruiterApi api = new RecruiterApi(origin, secret);
    assertThat(api.get("/api/workspace").statusCode()).isEqualTo(200);

    String tokenId =
        jdbc.sql("select id from api_token where name = 'ATS sync'").query(String.class).single();
    String list = browser.getPage("/console/tokens").body();
    HttpResponse<String> revoked =
        browser.postForm(
            "/console/tokens/" + tokenId + "/revoke", Map.of("_csrf", Browser.csrfField(list)));
    assertThat(revoked.statusCode()).isEqualTo(302);
    assertThat(api.get("/api/workspace").statusCode()).isEqualTo(401);
  }

  @Test
  void changingThePasswordEndsTheSessionsThatUsedTheOldOne() {
    String email = "pat-" + System.nanoTime() + "@agency.test";
    String first = addRecruiter("Pat", email, null);
    Browser laptop = new Browser(origin);
    Browser phone = new Browser(origin);
    laptop.signInToConsole(email, first);
    phone.signInToConsole(email, first);
    assertThat(phone.getPage("/console/account").statusCode()).isEqualTo(200);

    HttpResponse<String> changed =
        changePassword(laptop, first, "a much longer passphrase", "a much longer passphrase");
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(phone.getPage("/console/account").statusCode()).isEqualTo(302);
    assertThat(
            new Browser(origin)
                .signInToConsole(email, "a much longer passphrase")
                .headers()
                .firstValue("Location")
                .orElse(""))
        .endsWith("/console");
  }

  @Test
  void refusedAccountAndTeamFormsSayWhyAndChangeNothing() {
    String email = "kim-" + System.nanoTime() + "@agency.test";
    String first = addRecruiter("Kim", email, "ADMIN");
    Browser kim = new Browser(origin);
    kim.signInToConsole(email, first);

    HttpResponse<String> differ =
        changePassword(kim, first, "a much longer passphrase", "a much longer passphrase, typo");
    assertThat(differ.statusCode()).isEqualTo(422);
    assertThat(differ.body()).contains("the two new passwords differ");
    assertThat(
            new Browser(origin)
                .signInToConsole(email, first)
                .headers()
                .firstValue("Location")
                .orElse(""))
        .endsWith("/console");

    String unique = "Nobody " + System.nanoTime();
    String team = kim.getPage("/console/team").body();
    HttpResponse<String> refused =
        kim.postForm(
            "/console/team",
            Map.of("name", unique, "email", "not-an-address", "_csrf", Browser.csrfField(team)));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("enter an email address like name@agency.com");
    assertThat(
            jdbc.sql("select count(*) from recruiter where name = ?")
                .param(unique)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void onlyAdminsAddRecruiters() {
    String email = "sam-" + System.nanoTime() + "@agency.test";
    Browser sam = new Browser(origin);
    sam.signInToConsole(email, addRecruiter("Sam", email, "RECRUITER"));
    String page = sam.getPage("/console/account").body();
    HttpResponse<String> refused =
        sam.postForm(
            "/console/team",
            Map.of("name", "Eve", "email", "eve@agency.test", "_csrf", Browser.csrfField(page)));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql("select count(*) from recruiter where email = 'eve@agency.test'")
                .query(Long.class)
                .single())
        .isZero();
  }

  /** The account page's password form, sent as the page would send it. */
  private static HttpResponse<String> changePassword(
      Browser browser, String current, String next, String confirm) {
    String page = browser.getPage("/console/account").body();
    return browser.postForm(
        "/console/account/password",
        Map.of(
            "currentPassword",
            current,
            "newPassword",
            next,
            "confirmPassword",
            confirm,
            "_csrf",
            Browser.csrfField(page)));
  }

  /** Adds a recruiter through the API (with the API's default role when none is named). */
  private String addRecruiter(String name, String email, String role) {
    String json =
        "{\"name\":%s,\"email\":%s%s}"
            .formatted(
                RecruiterApi.quote(name),
                RecruiterApi.quote(email),
                role == null ? "" : ",\"role\":" + RecruiterApi.quote(role));
    return RecruiterApi.json(
            new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN).post("/api/recruiters", json))
        .get("firstPassword")
        .asText();
  }
}
