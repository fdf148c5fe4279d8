package com.hirepilot.app.console;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestFiles;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** An admin changes the workspace's settings and brand on the console's settings page. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class ConsoleSettingsTests {

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  Browser admin() {
    Browser browser = new Browser(origin);
    browser.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    return browser;
  }

  @AfterEach
  void backToTheDefaults() {
    api.patch(
        "/api/workspace", "{\"reminderSchedule\":\"\",\"magicLinkTtl\":\"\",\"brandColour\":\"\"}");
    api.delete("/api/workspace/logo");
  }

  @Test
  void anAdminSavesTheScheduleTheLinkLifetimeAndTheColour() {
    Browser browser = admin();
    String page = browser.getPage("/console/settings").body();
    String name = json(api.get("/api/workspace")).get("name").asText();
    HttpResponse<String> saved =
        browser.postForm(
            "/console/settings",
            Map.of(
                "name", name,
                "reminderSchedule", "P1D,P3D",
                "magicLinkTtl", "P5D",
                "brandColour", "#0f766e",
                "_csrf", Browser.csrfField(page)));
    assertThat(saved.statusCode()).isEqualTo(302);
    JsonNode workspace = json(api.get("/api/workspace"));
    assertThat(workspace.get("reminderSchedule").asText()).isEqualTo("P1D,P3D");
    assertThat(workspace.get("magicLinkTtl").asText()).isEqualTo("PT120H");
    assertThat(workspace.at("/brand/colour").asText()).isEqualTo("#0f766e");
    assertThat(browser.getPage("/console/settings").body())
        .contains("Settings saved")
        .contains("value=\"#0f766e\"");
  }

  @Test
  void aBadValueIsShownBesideTheFormAndNothingIsSaved() {
    Browser browser = admin();
    String page = browser.getPage("/console/settings").body();
    String name = json(api.get("/api/workspace")).get("name").asText();
    HttpResponse<String> refused =
        browser.postForm(
            "/console/settings",
            Map.of(
                "name", name,
                "reminderSchedule", "P1D,P3D",
                "magicLinkTtl", "P60D",
                "brandColour", "#0f766e",
                "_csrf", Browser.csrfField(page)));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("Please check this").contains("value=\"P60D\"");
    JsonNode workspace = json(api.get("/api/workspace"));
    assertThat(workspace.get("ownReminderSchedule").asBoolean()).isFalse();
    assertThat(workspace.get("ownMagicLinkTtl").asBoolean()).isFalse();
  }

  @Test
  void aLogoIsUploadedShownAndRemovedAndAnSvgIsRefused() {
    Browser browser = admin();
    String page = browser.getPage("/console/settings").body();
    HttpResponse<String> svg =
        browser.postMultipart(
            "/console/settings/logo",
            Map.of("_csrf", Browser.csrfField(page)),
            "file",
            "logo.png",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(svg.statusCode()).isEqualTo(422);
    assertThat(json(api.get("/api/workspace")).at("/brand/logoUrl").isNull()).isTrue();

    HttpResponse<String> png =
        browser.postMultipart(
            "/console/settings/logo",
            Map.of("_csrf", Browser.csrfField(page)),
            "file",
            "logo.png",
            TestFiles.png());
    assertThat(png.statusCode()).isEqualTo(302);
    String withLogo = browser.getPage("/console/settings").body();
    assertThat(withLogo).contains("class=\"settings-logo\"");
    String logoUrl = json(api.get("/api/workspace")).at("/brand/logoUrl").asText();
    assertThat(new Browser(origin).get(logoUrl).statusCode()).isEqualTo(200);

    HttpResponse<String> removed =
        browser.postForm(
            "/console/settings/logo/remove", Map.of("_csrf", Browser.csrfField(withLogo)));
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(json(api.get("/api/workspace")).at("/brand/logoUrl").isNull()).isTrue();
  }
}
