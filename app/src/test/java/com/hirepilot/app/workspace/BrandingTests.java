package com.hirepilot.app.workspace;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.HtmlChecker;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The agency's logo and colour: uploaded through the recruiter API, served without sign-in on
 * versioned, cacheable addresses, and carried by the portal's pages and the emails to clients.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class BrandingTests {

  @Autowired ApplicationContext app;
  @Autowired JdbcClient jdbc;

  final String origin = runtime().origin();

  /** The app under test; {@link BrandingOnPostgresTests} runs the same checks on PostgreSQL. */
  TestRuntime runtime() {
    return TestRuntime.h2();
  }

  OwnAgency newAgency() {
    return new OwnAgency(app, runtime());
  }

  @Test
  void aPngOrJpegLogoIsServedPubliclyWithItsTypeNosniffAndALongCacheOnItsVersion() {
    OwnAgency agency = newAgency();
    byte[] png = image("png", Color.ORANGE);

    HttpResponse<String> uploaded = agency.uploadLogo("logo.png", png);

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    String logoUrl = json(uploaded).at("/brand/logoUrl").asText();
    assertThat(logoUrl).startsWith(origin + "/brand/" + agency.workspaceId + "/logo?v=");
    assertThat(json(agency.recruiter.get("/api/workspace")).at("/brand/logoUrl").asText())
        .isEqualTo(logoUrl);

    HttpResponse<byte[]> logo = OwnAgency.getBytes(logoUrl); // no credentials of any kind
    assertThat(logo.statusCode()).isEqualTo(200);
    assertThat(logo.body()).isEqualTo(png);
    assertThat(logo.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    assertThat(logo.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(logo.headers().firstValue("Cache-Control").orElse(""))
        .contains("max-age=31536000", "public", "immutable");
    // Cached for a year by shared caches too: it must carry no cookie for them to hand around.
    assertThat(logo.headers().allValues("Set-Cookie")).isEmpty();
    // Any other version (an old link, none at all) is revalidated rather than cached for good.
    HttpResponse<byte[]> unversioned =
        OwnAgency.getBytes(origin + "/brand/" + agency.workspaceId + "/logo");
    assertThat(unversioned.body()).isEqualTo(png);
    assertThat(unversioned.headers().firstValue("Cache-Control").orElse(""))
        .doesNotContain("max-age=31536000");

    byte[] jpeg = image("jpg", Color.BLUE);
    HttpResponse<String> replaced = agency.uploadLogo("photo.jpeg", jpeg);
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    String jpegUrl = json(replaced).at("/brand/logoUrl").asText();
    assertThat(jpegUrl).isNotEqualTo(logoUrl);
    HttpResponse<byte[]> second = OwnAgency.getBytes(jpegUrl);
    assertThat(second.body()).isEqualTo(jpeg);
    assertThat(second.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");

    assertThat(agency.recruiter.delete("/api/workspace/logo").statusCode()).isEqualTo(204);
    assertThat(OwnAgency.getBytes(jpegUrl).statusCode()).isEqualTo(404);
    assertThat(json(agency.recruiter.get("/api/workspace")).at("/brand/logoUrl").isNull()).isTrue();
    assertThat(agency.recruiter.delete("/api/workspace/logo").statusCode()).isEqualTo(204);
  }

  @Test
  void svgExecutablesEmptyAndTooLargeFilesAreRefusedAndTheLogoStaysAsItWas() {
    OwnAgency agency = newAgency();
    byte[] png = image("png", Color.GREEN);
    String logoUrl = json(agency.uploadLogo("logo.png", png)).at("/brand/logoUrl").asText();

    byte[] svg =
        """
        <?xml version="1.0"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
          <script>alert(document.cookie)</script><rect width="10" height="10"/>
        </svg>"""
            .getBytes(StandardCharsets.UTF_8);
    byte[] exe = new byte[4096];
    System.arraycopy("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0, 4);
    System.arraycopy(
        "This program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII),
        0,
        exe,
        78,
        38);
    for (var refused :
        new Object[][] {
          {"logo.svg", svg}, {"logo.png", svg}, {"logo.png", exe}, {"e.png", new byte[0]}
        }) {
      HttpResponse<String> answer = agency.uploadLogo((String) refused[0], (byte[]) refused[1]);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
      assertThat(json(answer).at("/errors/0/field").asText()).isEqualTo("file");
    }

    byte[] tooBig = Arrays.copyOf(png, 512 * 1024 + 1); // a PNG to its header, and then some
    HttpResponse<String> big = agency.uploadLogo("big.png", tooBig);
    assertThat(big.statusCode()).as(big.body()).isEqualTo(413);
    assertThat(big.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");

    HttpResponse<String> notMultipart = agency.recruiter.put("/api/workspace/logo", "{}");
    assertThat(notMultipart.statusCode()).isEqualTo(415);

    assertThat(json(agency.recruiter.get("/api/workspace")).at("/brand/logoUrl").asText())
        .isEqualTo(logoUrl);
    assertThat(OwnAgency.getBytes(logoUrl).body()).isEqualTo(png);
  }

  @Test
  void themeCssCarriesTheValidatedColourWithAReadableContrast() {
    OwnAgency agency = newAgency();
    String theme = origin + "/brand/" + agency.workspaceId + "/theme.css";

    HttpResponse<String> byDefault = get(theme);
    assertThat(byDefault.statusCode()).isEqualTo(200);
    assertThat(byDefault.body()).startsWith(":root{--brand:#2f5bea;--brand-contrast:#fff;");

    agency.recruiter.patch("/api/workspace", "{\"brandColour\":\"#FFCC00\"}");
    HttpResponse<String> light = get(theme + "?v=ffcc00");
    assertThat(light.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
    assertThat(light.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(light.headers().firstValue("Cache-Control").orElse(""))
        .contains("max-age=31536000", "immutable");
    assertThat(light.headers().allValues("Set-Cookie")).isEmpty();
    // Yellow takes black text; as text on white it is too light, so text falls back to ink.
    assertThat(light.body())
        .isEqualTo(":root{--brand:#ffcc00;--brand-contrast:#000;--brand-text:#1b2230}\n");
    assertThat(get(theme + "?v=2f5bea").headers().firstValue("Cache-Control").orElse(""))
        .doesNotContain("max-age=31536000");

    agency.recruiter.patch("/api/workspace", "{\"brandColour\":\"#123456\"}");
    assertThat(get(theme).body())
        .isEqualTo(":root{--brand:#123456;--brand-contrast:#fff;--brand-text:#123456}\n");

    // The API refuses anything but #RRGGBB; even a colour written around it never reaches CSS.
    HttpResponse<String> injected =
        agency.recruiter.patch(
            "/api/workspace", "{\"brandColour\":\"#123456;}body{background:url(//evil.test)}\"}");
    assertThat(injected.statusCode()).isEqualTo(422);
    jdbc.sql("update workspace set brand_colour = ? where id = ?")
        .params("#1;}*{x", agency.workspaceId)
        .update();
    assertThat(get(theme).body()).startsWith(":root{--brand:#2f5bea;").doesNotContain("}*{");
  }

  @Test
  void unknownWorkspacesAndMissingLogosAre404() {
    OwnAgency agency = newAgency();
    String unknown = UUID.randomUUID().toString();
    assertThat(get(origin + "/brand/" + unknown + "/theme.css").statusCode()).isEqualTo(404);
    assertThat(get(origin + "/brand/" + unknown + "/logo").statusCode()).isEqualTo(404);
    assertThat(get(origin + "/brand/" + agency.workspaceId + "/logo").statusCode()).isEqualTo(404);
  }

  @Test
  void thePortalAndTheClientEmailsCarryTheColourAndTheLogo() {
    OwnAgency agency = newAgency();
    agency.recruiter.patch("/api/workspace", "{\"brandColour\":\"#ffcc00\"}");
    String logoUrl =
        json(agency.uploadLogo("logo.png", image("png", Color.MAGENTA)))
            .at("/brand/logoUrl")
            .asText();
    String logoPath = logoUrl.substring(origin.length());
    String themePath = "/brand/" + agency.workspaceId + "/theme.css?v=ffcc00";

    OwnAgency.Submitted submitted = agency.submitCandidate();
    MimeMessage email =
        TestMail.awaitMessage(
            submitted.clientEmail(), s -> s.endsWith(": " + submitted.candidate()));
    String html = TestMail.part(email, "text/html");
    // The button in the agency's colour with a label readable on it, the logo on the configured
    // origin (never the request's), with the agency's name as its text.
    assertThat(html).contains("background:#ffcc00", "color:#000;", "bgcolor=\"#ffcc00\"");
    assertThat(html).contains("<img src=\"" + logoUrl.replace("&", "&amp;") + "\"");
    assertThat(html).contains("alt=\"" + agency.name + "\"");
    assertThat(TestMail.portalLinks(email)).hasSize(1);

    Browser client = new Browser(origin);
    assertThat(client.signInWith(TestMail.portalLinks(email).get(0))).isEqualTo(200);
    String page = client.getPage("/portal").body();
    assertThat(page)
        .contains("<link rel=\"stylesheet\" href=\"" + themePath + "\">")
        .contains("src=\"" + logoPath + "\"")
        .contains("alt=\"" + agency.name + "\"");
    assertThat(HtmlChecker.errors(page)).isEmpty();
    // The stylesheet and logo the page links load under its Content-Security-Policy ('self').
    assertThat(client.get(themePath).statusCode()).isEqualTo(200);
    assertThat(client.get(logoPath).statusCode()).isEqualTo(200);

    // Before the agency is known, the sign-in pages keep the portal's own look.
    String access = new Browser(origin).getPage("/portal/access").body();
    assertThat(access).doesNotContain("/brand/");
  }

  private static HttpResponse<String> get(String url) {
    return OwnAgency.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  private static byte[] image(String format, Color colour) {
    BufferedImage image = new BufferedImage(24, 12, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(colour);
    graphics.fillRect(0, 0, 24, 12);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      assertThat(ImageIO.write(image, format, out)).isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
