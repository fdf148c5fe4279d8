package com.hirepilot.app.console;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.HtmlChecker;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestFiles;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.app.workspace.OtherWorkspaces;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The console's candidates pages: list and search, create, files, notes, CSV import. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class ConsoleCandidatesTests {

  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext app;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi api = new RecruiterApi(origin, TestRuntime.RECRUITER_TOKEN);

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  Browser console() {
    Browser browser = new Browser(origin);
    browser.signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD);
    return browser;
  }

  String candidate(String name, String company, String skill) {
    return api.create(
        "/api/candidates",
        "{\"name\":%s,\"title\":\"Staff Engineer\",\"currentCompany\":%s,\"skills\":[%s]}"
            .formatted(quote(name), quote(company), quote(skill)));
  }

  String recruiterName() {
    return jdbc.sql("select name from recruiter where email = ?")
        .param(TestRuntime.RECRUITER_EMAIL)
        .query(String.class)
        .single();
  }

  long candidatesNamed(String name) {
    return jdbc.sql("select count(*) from candidate where name = ?")
        .param(name)
        .query(Long.class)
        .single();
  }

  /** The start of a Windows executable: MZ pointing at a PE signature. */
  static byte[] windowsExecutable() {
    byte[] exe = new byte[256];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  @Test
  void theListSearchesByNameCompanyOrSkillAndCountsResumeVersionsAndSubmissions() {
    String skill = "Skill" + unique();
    String company = "Company " + unique();
    String ada = "Ada " + unique();
    String grace = "Grace " + unique();
    String adaId = candidate(ada, company, skill);
    candidate(grace, "Elsewhere " + unique(), skill);
    api.upload(adaId, "ada-v1.pdf", TestFiles.pdf("Ada v1"), "RESUME", true);
    api.upload(adaId, "ada-v2.pdf", TestFiles.pdf("Ada v2"), "RESUME", true);
    String jobId = api.create("/api/jobs", "{\"title\":\"Job %s\"}".formatted(unique()));
    api.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":\"c-%s@client.test\"}".formatted(unique()));
    api.create(
        "/api/jobs/" + jobId + "/submissions",
        "{\"candidateId\":%s,\"attachmentIds\":[]}".formatted(quote(adaId)));

    Browser browser = console();
    HttpResponse<String> bySkill = browser.getPage("/console/candidates?q=" + skill.toLowerCase());
    assertThat(bySkill.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(bySkill.body());
    assertThat(page.select("h1").text()).isEqualTo("Candidates");
    assertThat(page.select("tbody tr")).hasSize(2);
    var adaRow = page.select("tbody tr:contains(" + ada + ")");
    assertThat(adaRow.select("td").eachText())
        .containsExactly("Staff Engineer", company, skill, "2", "1 job");
    assertThat(adaRow.select("a").attr("href")).isEqualTo("/console/candidates/" + adaId);
    assertThat(page.select("tbody tr:contains(" + grace + ") td").eachText())
        .startsWith("Staff Engineer")
        .endsWith(skill, "0", "0 jobs");

    Document byCompany =
        Jsoup.parse(
            browser
                .getPage("/console/candidates?q=" + company.replace(' ', '+').toUpperCase())
                .body());
    assertThat(byCompany.select("tbody tr")).hasSize(1);
    assertThat(byCompany.select("tbody th").text()).isEqualTo(ada);
  }

  @Test
  void anotherWorkspacesCandidateAndFileAreNotFound() {
    String theirToken = "other-token-" + UUID.randomUUID();
    OtherWorkspaces.create(app, "Other Agency", theirToken);
    RecruiterApi them = new RecruiterApi(origin, theirToken);
    String theirs = them.create("/api/candidates", "{\"name\":\"Not Yours\"}");
    String theirFile =
        json(them.upload(theirs, "cv.pdf", TestFiles.pdf("private"), "RESUME", false))
            .path("id")
            .asText();

    Browser browser = console();
    assertThat(browser.getPage("/console/candidates/" + theirs).statusCode()).isEqualTo(404);
    assertThat(browser.getPage("/console/attachments/" + theirFile).statusCode()).isEqualTo(404);
    assertThat(browser.getPage("/console/candidates/no-such-candidate").statusCode())
        .isEqualTo(404);
    String page = browser.getPage("/console/candidates").body();
    assertThat(
            browser
                .postForm(
                    "/console/candidates/" + theirs + "/notes",
                    Map.of("body", "hello", "_csrf", Browser.csrfField(page)))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            jdbc.sql("select count(*) from candidate_note where candidate_id = ?")
                .param(theirs)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aNewCandidateWithAResumeIsCreatedInOneStep_aRefusedFileCreatesNothing() {
    Browser browser = console();
    String csrf = Browser.csrfField(browser.getPage("/console/candidates").body());
    String name = "Linus " + unique();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("title", "Kernel Engineer");
    fields.put("currentCompany", "Transmeta");
    fields.put("skills", "C, Git");
    fields.put("summary", "Wrote a kernel.");
    fields.put("email", "linus@private.test");
    fields.put("phone", "+1 555 0199");
    fields.put("internalNotes", "Met at a conference");
    fields.put("public", "true");
    fields.put("_csrf", csrf);

    String refusedName = "Refused " + unique();
    Map<String, String> refusedFields = new LinkedHashMap<>(fields);
    refusedFields.put("name", refusedName);
    HttpResponse<String> refused =
        browser.postMultipart(
            "/console/candidates", refusedFields, "file", "cv.pdf", windowsExecutable());
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("is not a file type this portal accepts");
    assertThat(Jsoup.parse(refused.body()).select("#c-name").attr("value"))
        .as("what was typed stays")
        .isEqualTo(refusedName);
    assertThat(candidatesNamed(refusedName)).isZero();

    HttpResponse<String> noName =
        browser.postMultipart(
            "/console/candidates", Map.of("name", " ", "_csrf", csrf), "file", null, null);
    assertThat(noName.statusCode()).isEqualTo(422);
    assertThat(noName.body()).contains("name must not be blank");

    HttpResponse<String> created =
        browser.postMultipart(
            "/console/candidates", fields, "file", "linus.pdf", TestFiles.pdf("Linus resume"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    JsonNode stored = json(api.get("/api/candidates/" + id));
    assertThat(stored.path("name").asText()).isEqualTo(name);
    assertThat(stored.path("skills").toString()).isEqualTo("[\"C\",\"Git\"]");
    assertThat(stored.path("internalNotes").asText()).isEqualTo("Met at a conference");
    assertThat(stored.path("attachments")).hasSize(1);
    assertThat(stored.path("attachments").get(0).path("public").asBoolean()).isTrue();
    assertThat(stored.path("attachments").get(0).path("kind").asText()).isEqualTo("RESUME");

    Document page = Jsoup.parse(browser.getPage(location).body());
    assertThat(page.select("h1").text()).isEqualTo(name);
    assertThat(page.select(".notice").text()).contains("Added " + name + " with their resume");
    assertThat(page.select("table").text()).contains("linus.pdf").contains("Public");
  }

  @Test
  void filesAreUploadedAsVersions_refusedTypesStoreNothing_toggledAndDownloadedHardened() {
    String id = candidate("Margaret " + unique(), "NASA", "Apollo");
    Browser browser = console();
    String path = "/console/candidates/" + id;
    String csrf = Browser.csrfField(browser.getPage(path).body());

    HttpResponse<String> refused =
        browser.postMultipart(
            path + "/attachments",
            Map.of("kind", "RESUME", "_csrf", csrf),
            "file",
            "cv.pdf",
            windowsExecutable());
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(refused.body()).select(".problem").text())
        .contains("is not a file type this portal accepts");
    assertThat(Jsoup.parse(refused.body()).select("h1").text()).startsWith("Margaret");
    assertThat(json(api.get("/api/candidates/" + id + "/attachments"))).isEmpty();

    assertThat(
            browser
                .postMultipart(
                    path + "/attachments",
                    Map.of("kind", "RESUME", "_csrf", csrf),
                    "file",
                    "v1.pdf",
                    TestFiles.pdf("Version one"))
                .statusCode())
        .isEqualTo(302);
    assertThat(browser.getPage(path).body())
        .contains("Uploaded v1.pdf as resume version 1 (private).");
    HttpResponse<String> second =
        browser.postMultipart(
            path + "/attachments",
            Map.of("kind", "RESUME", "public", "true", "_csrf", csrf),
            "file",
            "v2.pdf",
            TestFiles.pdf("Version two"));
    assertThat(second.statusCode()).isEqualTo(302);
    JsonNode files = json(api.get("/api/candidates/" + id + "/attachments"));
    assertThat(files).hasSize(2);
    assertThat(files.get(0).path("filename").asText()).isEqualTo("v2.pdf");
    assertThat(files.get(0).path("version").asInt()).isEqualTo(2);
    assertThat(files.get(0).path("public").asBoolean()).isTrue();
    assertThat(files.get(1).path("version").asInt()).isEqualTo(1);
    assertThat(files.get(1).path("public").asBoolean()).isFalse();
    String v1 = files.get(1).path("id").asText();

    Document page = Jsoup.parse(browser.getPage(path).body());
    assertThat(page.select(".notice").text()).contains("Uploaded v2.pdf as resume version 2");
    var rows = page.select("tbody tr:has(a[href^=/console/attachments/])");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).select("td").eachText())
        .startsWith("Resume", "2", "application/pdf")
        .contains("Public", "Make private");
    assertThat(rows.get(1).select("td").eachText()).contains("Private", "Make public");

    HttpResponse<String> toggled =
        browser.postForm(
            path + "/attachments/" + v1 + "/public",
            Map.of("public", "true", "_csrf", Browser.csrfField(page.html())));
    assertThat(toggled.statusCode()).isEqualTo(302);
    assertThat(
            json(api.get("/api/candidates/" + id + "/attachments"))
                .get(1)
                .path("public")
                .asBoolean())
        .isTrue();
    assertThat(browser.getPage(path).body()).contains("v1.pdf is public");

    HttpResponse<String> download = browser.get("/console/attachments/" + v1);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).startsWith("%PDF");
    assertThat(download.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment")
        .contains("v1.pdf");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(download.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("sandbox");
    assertThat(download.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(new Browser(origin).get("/console/attachments/" + v1).statusCode())
        .as("signed out")
        .isEqualTo(302);
  }

  @Test
  void internalNotesAreListedNewestFirstAndNeverReachTheClient() {
    String marker = "NOTE-MARKER-" + UUID.randomUUID();
    String title = "Job " + unique();
    String clientEmail = "c-" + unique() + "@client.test";
    String jobId = api.create("/api/jobs", "{\"title\":%s}".formatted(quote(title)));
    api.create(
        "/api/jobs/" + jobId + "/collaborators",
        "{\"email\":%s,\"name\":\"Casey\"}".formatted(quote(clientEmail)));
    String id = candidate("Katherine " + unique(), "NASA", "Orbits");
    String resume =
        json(api.upload(id, "cv.pdf", TestFiles.pdf("Katherine"), "RESUME", true))
            .path("id")
            .asText();

    Browser browser = console();
    String path = "/console/candidates/" + id;
    String csrf = Browser.csrfField(browser.getPage(path).body());
    assertThat(
            browser
                .postForm(path + "/notes", Map.of("body", "first note", "_csrf", csrf))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            browser
                .postForm(
                    path + "/notes", Map.of("body", marker + " <script>x</script>", "_csrf", csrf))
                .statusCode())
        .isEqualTo(302);
    assertThat(browser.postForm(path + "/notes", Map.of("body", "  ", "_csrf", csrf)).statusCode())
        .isEqualTo(422);

    String html = browser.getPage(path).body();
    assertThat(html).doesNotContain("<script>x</script>");
    Document page = Jsoup.parse(html);
    assertThat(page.select("#notes").text()).contains("Internal — never shown to clients");
    var notes = page.select("#notes .timeline li");
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0).text()).contains(marker).contains(recruiterName());
    assertThat(notes.get(1).text()).contains("first note");
    assertThat(json(api.get("/api/candidates/" + id + "/notes")).get(0).path("body").asText())
        .startsWith(marker);

    String submissionId =
        api.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s,\"attachmentIds\":[%s]}".formatted(quote(id), quote(resume)));
    var email = TestMail.awaitMessage(clientEmail, subject -> subject.contains(title));
    assertThat(TestMail.everything(email)).doesNotContain(marker);
    Browser client = new Browser(origin);
    assertThat(client.confirmLink(TestMail.portalLinks(email).get(0)).statusCode()).isEqualTo(302);
    HttpResponse<String> portalPage = client.getPage("/portal/submissions/" + submissionId);
    assertThat(portalPage.statusCode()).isEqualTo(200);
    assertThat(portalPage.body()).contains("Katherine").doesNotContain(marker);
    assertThat(client.get("/api/portal/submissions/" + submissionId).body())
        .contains("Katherine")
        .doesNotContain(marker);

    String withEverything = browser.getPage(path).body();
    assertThat(HtmlChecker.errors(withEverything)).as("valid HTML").isEmpty();
    assertThat(HtmlChecker.errors(browser.getPage("/console/candidates").body())).isEmpty();
    Document consoleCandidate = Jsoup.parse(withEverything);
    assertThat(consoleCandidate.select("a[href=/console/submissions/" + submissionId + "]").text())
        .isEqualTo(title);
  }

  @Test
  void aCsvImportCreatesEveryRow_orWithAnyBadRowNoneAndListsEveryProblem() {
    Browser browser = console();
    HttpResponse<String> list = browser.getPage("/console/candidates");
    Document page = Jsoup.parse(list.body());
    assertThat(page.select("#import-csv").text())
        .contains("name,title,currentCompany,skills,summary,email,phone,internalNotes");
    String csrf = Browser.csrfField(list.body());

    HttpResponse<String> example = browser.get("/console/candidates/import-example.csv");
    assertThat(example.statusCode()).isEqualTo(200);
    assertThat(example.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(example.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment");
    assertThat(example.body().lines().findFirst().orElse(""))
        .isEqualTo("name,title,currentCompany,skills,summary,email,phone,internalNotes");

    String tag = unique();
    String bad =
        "name,title,email,skills\n"
            + "Good Row "
            + tag
            + ",Engineer,good@example.com,Java;Go\n"
            + "Bad Email "
            + tag
            + ",Engineer,not-an-email,\n"
            + ",No Name,none@example.com,\n";
    HttpResponse<String> refused =
        browser.postMultipart(
            "/console/candidates/import",
            Map.of("_csrf", csrf),
            "file",
            "people.csv",
            bad.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(422);
    var errors = Jsoup.parse(refused.body()).select(".import-errors tbody tr");
    assertThat(errors.stream().map(r -> r.select("td").eachText()).toList())
        .anySatisfy(cells -> assertThat(cells).startsWith("3", "email"))
        .anySatisfy(cells -> assertThat(cells).startsWith("4", "name"))
        .hasSize(2);
    assertThat(refused.body()).contains("Nothing was imported");
    assertThat(HtmlChecker.errors(refused.body())).isEmpty();
    assertThat(candidatesNamed("Good Row " + tag)).isZero();

    String good =
        "name,title,currentCompany,skills\n"
            + "Imported One "
            + tag
            + ",Engineer,Acme,Java;Go\n"
            + "Imported Two "
            + tag
            + ",Designer,Acme,Figma\n"
            + "Imported Three "
            + tag
            + ",PM,Acme,\n";
    HttpResponse<String> imported =
        browser.postMultipart(
            "/console/candidates/import",
            Map.of("_csrf", csrf),
            "file",
            "people.csv",
            good.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.statusCode()).isEqualTo(302);
    Document after = Jsoup.parse(browser.getPage("/console/candidates?q=" + tag).body());
    assertThat(after.select(".notice").text()).isEqualTo("Imported 3 candidates.");
    assertThat(after.select("tbody tr")).hasSize(3);
    assertThat(after.select("tbody tr:contains(Imported One) td").get(2).text())
        .isEqualTo("Java, Go");
  }

  @Test
  void theProfileIsEditedInPlace() {
    String id = candidate("Barbara " + unique(), "MIT", "CLU");
    Browser browser = console();
    String path = "/console/candidates/" + id;
    String csrf = Browser.csrfField(browser.getPage(path).body());
    Map<String, String> edit = new LinkedHashMap<>();
    edit.put("name", "Barbara Liskov");
    edit.put("title", "Professor");
    edit.put("currentCompany", "MIT");
    edit.put("skills", "CLU, Argus");
    edit.put("summary", "");
    edit.put("email", "not-an-email");
    edit.put("phone", "");
    edit.put("internalNotes", "");
    edit.put("_csrf", csrf);
    HttpResponse<String> refused = browser.postForm(path, edit);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(refused.body()).select("#edit-profile").attr("open")).isNotNull();
    assertThat(Jsoup.parse(refused.body()).select("#e-title").attr("value")).isEqualTo("Professor");
    assertThat(json(api.get("/api/candidates/" + id)).path("title").asText())
        .isEqualTo("Staff Engineer");

    edit.put("email", "barbara@private.test");
    assertThat(browser.postForm(path, edit).statusCode()).isEqualTo(302);
    JsonNode saved = json(api.get("/api/candidates/" + id));
    assertThat(saved.path("name").asText()).isEqualTo("Barbara Liskov");
    assertThat(saved.path("skills").toString()).isEqualTo("[\"CLU\",\"Argus\"]");
    assertThat(saved.path("email").asText()).isEqualTo("barbara@private.test");
  }
}
