package com.hirepilot.app.workspace;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@code GET/PATCH /api/workspace}: the agency's name, reminder schedule, invitation-link lifetime
 * and brand colour, changed partially, validated as a whole, and the lifetime honoured by the links
 * the emails carry.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class WorkspaceSettingsTests {

  @Autowired ApplicationContext app;
  @Autowired JdbcClient jdbc;

  @Test
  void settingsStartAtTheDefaultsChangePartiallyAndReturnToTheDefaults() {
    OwnAgency agency = new OwnAgency(app);
    JsonNode fresh = json(agency.recruiter.get("/api/workspace"));
    assertThat(fresh.get("id").asText()).isEqualTo(agency.workspaceId);
    assertThat(fresh.get("name").asText()).isEqualTo(agency.name);
    assertThat(fresh.get("reminderSchedule").asText()).isEqualTo("P2D,P5D");
    assertThat(fresh.get("ownReminderSchedule").asBoolean()).isFalse();
    assertThat(fresh.get("magicLinkTtl").asText()).isEqualTo("PT72H");
    assertThat(fresh.get("ownMagicLinkTtl").asBoolean()).isFalse();
    assertThat(fresh.at("/brand/name").asText()).isEqualTo(agency.name);
    assertThat(fresh.at("/brand/colour").asText()).isEqualTo("#2f5bea");
    assertThat(fresh.at("/brand/logoUrl").isNull()).isTrue();

    HttpResponse<String> changed =
        agency.recruiter.patch(
            "/api/workspace",
            """
            {"name":"  Renamed %s ","reminderSchedule":"P1D,P3D","magicLinkTtl":"P7D",
             "brandColour":"#FFCC00"}"""
                .formatted(agency.unique));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    JsonNode after = json(changed);
    assertThat(after.get("name").asText()).isEqualTo("Renamed " + agency.unique);
    assertThat(after.get("reminderSchedule").asText()).isEqualTo("P1D,P3D");
    assertThat(after.get("ownReminderSchedule").asBoolean()).isTrue();
    assertThat(Duration.parse(after.get("magicLinkTtl").asText())).isEqualTo(Duration.ofDays(7));
    assertThat(after.get("ownMagicLinkTtl").asBoolean()).isTrue();
    assertThat(after.at("/brand/colour").asText()).isEqualTo("#ffcc00");
    assertThat(after.at("/brand/name").asText()).isEqualTo("Renamed " + agency.unique);
    assertThat(json(agency.recruiter.get("/api/workspace"))).isEqualTo(after);

    // Fields left out stay as they are.
    JsonNode untouched = json(agency.recruiter.patch("/api/workspace", "{}"));
    assertThat(untouched).isEqualTo(after);
    JsonNode onlyColour =
        json(agency.recruiter.patch("/api/workspace", "{\"brandColour\":\"#123456\"}"));
    assertThat(onlyColour.at("/brand/colour").asText()).isEqualTo("#123456");
    assertThat(onlyColour.get("reminderSchedule").asText()).isEqualTo("P1D,P3D");
    assertThat(onlyColour.get("magicLinkTtl")).isEqualTo(after.get("magicLinkTtl"));

    // Blank or null returns each setting to its default.
    HttpResponse<String> reset =
        agency.recruiter.patch(
            "/api/workspace",
            "{\"reminderSchedule\":\"\",\"magicLinkTtl\":null,\"brandColour\":\" \"}");
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    JsonNode defaults = json(reset);
    assertThat(defaults.get("reminderSchedule").asText()).isEqualTo("P2D,P5D");
    assertThat(defaults.get("ownReminderSchedule").asBoolean()).isFalse();
    assertThat(defaults.get("magicLinkTtl").asText()).isEqualTo("PT72H");
    assertThat(defaults.get("ownMagicLinkTtl").asBoolean()).isFalse();
    assertThat(defaults.at("/brand/colour").asText()).isEqualTo("#2f5bea");
    assertThat(defaults.get("name").asText()).isEqualTo("Renamed " + agency.unique);
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\":\"\"}|name",
        "{\"name\":\"   \"}|name",
        "{\"name\":null}|name",
        "{\"name\":\"LONG\"}|name",
        "{\"brandColour\":\"red\"}|brandColour",
        "{\"brandColour\":\"#12345\"}|brandColour",
        "{\"brandColour\":\"#1234567\"}|brandColour",
        "{\"brandColour\":\"#abc\"}|brandColour",
        "{\"brandColour\":\"#12345g\"}|brandColour",
        "{\"brandColour\":\"#fff;}body{background:url(//evil.test/x)}\"}|brandColour",
        "{\"magicLinkTtl\":\"PT59M\"}|magicLinkTtl",
        "{\"magicLinkTtl\":\"P15D\"}|magicLinkTtl",
        "{\"magicLinkTtl\":\"-PT72H\"}|magicLinkTtl",
        "{\"magicLinkTtl\":\"three days\"}|magicLinkTtl",
        "{\"reminderSchedule\":\"soon\"}|reminderSchedule",
        // One bad field spoils the whole change: the good ones are not written either.
        "{\"name\":\"Fine name\",\"magicLinkTtl\":\"P1D\",\"brandColour\":\"blue\"}|brandColour",
        "{\"brandColour\":\"#000000\",\"reminderSchedule\":\"P5D,P2D\"}|reminderSchedule",
      })
  void eachInvalidSettingIsRefusedWith422AndNothingIsWritten(String body, String field) {
    OwnAgency agency = new OwnAgency(app);
    agency.recruiter.patch(
        "/api/workspace", "{\"brandColour\":\"#336699\",\"magicLinkTtl\":\"PT5H\"}");
    JsonNode before = json(agency.recruiter.get("/api/workspace"));

    HttpResponse<String> refused =
        agency.recruiter.patch("/api/workspace", body.replace("LONG", "x".repeat(201)));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(refused).at("/errors/0/field").asText()).isEqualTo(field);
    assertThat(json(agency.recruiter.get("/api/workspace"))).isEqualTo(before);
  }

  @Test
  void unreadableBodiesAre4xxNot500() {
    OwnAgency agency = new OwnAgency(app);
    assertThat(agency.recruiter.patch("/api/workspace", "{\"name\":").statusCode()).isEqualTo(400);
    assertThat(agency.recruiter.patch("/api/workspace", "{\"name\":{}}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void aRecruiterChangesOnlyTheirOwnWorkspace() {
    OwnAgency mine = new OwnAgency(app);
    OwnAgency theirs = new OwnAgency(app);
    JsonNode theirsBefore = json(theirs.recruiter.get("/api/workspace"));

    JsonNode changed =
        json(
            mine.recruiter.patch(
                "/api/workspace",
                "{\"name\":\"Mine only\",\"brandColour\":\"#aa0000\",\"magicLinkTtl\":\"PT2H\"}"));

    assertThat(changed.get("id").asText()).isEqualTo(mine.workspaceId);
    assertThat(json(theirs.recruiter.get("/api/workspace"))).isEqualTo(theirsBefore);
    assertThat(
            jdbc.sql("select name, brand_colour, magic_link_ttl from workspace where id = ?")
                .param(theirs.workspaceId)
                .query()
                .singleRow())
        .containsEntry("NAME", theirs.name)
        .containsEntry("BRAND_COLOUR", null)
        .containsEntry("MAGIC_LINK_TTL", null);
  }

  @Test
  void invitationLinksLiveForTheWorkspacesLifetimeAndRequestedLinksStayShort() {
    OwnAgency agency = new OwnAgency(app);
    HttpResponse<String> set =
        agency.recruiter.patch("/api/workspace", "{\"magicLinkTtl\":\"P5D\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

    OwnAgency.Submitted submitted = agency.submitCandidate();
    var email =
        TestMail.awaitMessage(
            submitted.clientEmail(), s -> s.endsWith(": " + submitted.candidate()));
    assertThat(TestMail.part(email, "text/plain")).contains("works for 120 hours.");
    assertThat(TestMail.part(email, "text/html")).contains("works for 120 hours.");
    Map<String, Object> invitation = onlyToken(submitted.collaboratorId(), "INVITATION");
    Instant created = instant(invitation.get("created_at"));
    assertThat(Duration.between(created, instant(invitation.get("expires_at"))))
        .isEqualTo(Duration.ofDays(5));
    assertThat(Duration.between(created, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));

    // A link the client asks for on the access page stays short, whatever the workspace says.
    Browser browser = new Browser(agency.origin);
    String form = browser.getPage("/portal/access").body();
    HttpResponse<String> asked =
        browser.postForm(
            "/portal/access",
            Map.of("email", submitted.clientEmail(), "_csrf", Browser.csrfField(form)));
    assertThat(asked.statusCode()).isLessThan(400);
    Map<String, Object> requested = awaitToken(submitted.collaboratorId(), "REQUESTED");
    assertThat(
            Duration.between(
                instant(requested.get("created_at")), instant(requested.get("expires_at"))))
        .isEqualTo(Duration.ofMinutes(15));
  }

  private Map<String, Object> onlyToken(String collaboratorId, String purpose) {
    List<Map<String, Object>> rows = tokens(collaboratorId, purpose);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private Map<String, Object> awaitToken(String collaboratorId, String purpose) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      List<Map<String, Object>> rows = tokens(collaboratorId, purpose);
      if (!rows.isEmpty()) {
        return rows.get(0);
      }
      TestMail.sleep();
    }
    throw new AssertionError("No " + purpose + " link was issued");
  }

  private List<Map<String, Object>> tokens(String collaboratorId, String purpose) {
    return jdbc
        .sql(
            "select created_at, expires_at from login_token where collaborator_id = ? and purpose = ?")
        .params(collaboratorId, purpose)
        .query()
        .listOfRows()
        .stream()
        .map(
            row -> Map.of("created_at", row.get("CREATED_AT"), "expires_at", row.get("EXPIRES_AT")))
        .toList();
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new AssertionError("Not a timestamp: " + value + " (" + value.getClass() + ")");
  }
}
