package com.hirepilot.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.testing.HtmlChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium under ChromeDriver, with what the portal's browser tests check on
 * every view: a full-page screenshot at desktop and phone size, axe-core's accessibility rules, and
 * the Nu HTML Checker on the page's markup as the server sent it.
 */
final class Chromium implements AutoCloseable {

  /** The phone the issue names: an iPhone 12–15 sized screen. */
  static final int PHONE_WIDTH = 390;

  static final int PHONE_HEIGHT = 844;
  static final int DESKTOP_WIDTH = 1280;
  static final int DESKTOP_HEIGHT = 900;

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
  private static final ObjectMapper JSON = new ObjectMapper();

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final Path screenshots;
  private final String axe;

  Chromium(Path screenshots) {
    assertThat(CHROMIUM)
        .as("Install Chromium for the browser tests: apt-get install chromium chromium-driver")
        .exists();
    assertThat(DRIVER).exists();
    assertThat(AXE).as("axe-core is installed by the build's npm step (src/test/browser)").exists();
    this.screenshots = screenshots;
    try {
      this.axe = Files.readString(AXE);
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--lang=en-GB",
        "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
        "--user-data-dir=" + temporaryDirectory());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    // Every view in the same zone, so the screenshots do not change with the machine's.
    driver.executeCdpCommand(
        "Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Berlin"));
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /**
   * The checks every portal view passes, then its screenshots: {@code name-desktop.png} and {@code
   * name-phone.png}.
   */
  void check(String name) {
    assertThat(axeViolations()).as("axe-core on " + name).isEmpty();
    List<String> errors = HtmlChecker.errors(serverMarkup());
    assertThat(errors)
        .as("Nu HTML Checker on " + name + " (" + driver.getCurrentUrl() + ")")
        .isEmpty();
    screenshot(name);
  }

  void screenshot(String name) {
    capture(name + "-desktop", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    capture(name + "-phone", PHONE_WIDTH, PHONE_HEIGHT, true);
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  private void capture(String file, int width, int height, boolean mobile) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    settle();
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics =
        (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
    double fullHeight = Math.max(height, content.get("height").doubleValue());
    Object shot =
        driver
            .executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                    "format",
                    "png",
                    "captureBeyondViewport",
                    true,
                    "clip",
                    Map.of("x", 0, "y", 0, "width", width, "height", fullHeight, "scale", 1)))
            .get("data");
    try {
      Files.write(screenshots.resolve(file + ".png"), Base64.getDecoder().decode((String) shot));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A moment for layout after a resize; the page's own scripts redraw nothing that matters. */
  private void settle() {
    js().executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 150)));");
  }

  /** axe-core's serious and critical violations on the page as it is now. */
  List<String> axeViolations() {
    js().executeScript(axe);
    String result =
        (String)
            js().executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + " axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify(r.violations)))"
                        + ".catch(e => done(JSON.stringify([{impact: 'critical', id: 'axe-error',"
                        + " help: String(e), nodes: []}])));");
    List<String> serious = new ArrayList<>();
    try {
      for (JsonNode v : JSON.readTree(result)) {
        String impact = v.path("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          List<String> targets = new ArrayList<>();
          v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
          serious.add(
              impact
                  + " "
                  + v.path("id").asText()
                  + ": "
                  + v.path("help").asText()
                  + " "
                  + targets);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return serious;
  }

  /** The page's HTML as the server sends it (the page's scripts rewrite times in place). */
  String serverMarkup() {
    return (String)
        js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch(location.href, {credentials: 'same-origin', headers: {Accept: 'text/html'}})"
                    + ".then(r => r.text()).then(done).catch(e => done('fetch failed: ' + e));");
  }

  /** Fetches a URL from inside the page, with its session: status and the headers asked for. */
  Map<String, Object> fetch(String url) {
    @SuppressWarnings("unchecked")
    Map<String, Object> answer =
        (Map<String, Object>)
            js().executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(async r => { const body = await r.arrayBuffer(); done({"
                        + " status: r.status, type: r.headers.get('content-type'),"
                        + " disposition: r.headers.get('content-disposition'),"
                        + " nosniff: r.headers.get('x-content-type-options'),"
                        + " size: body.byteLength}); })"
                        + ".catch(e => done({status: -1, error: String(e)}));",
                    url);
    return answer;
  }

  JavascriptExecutor js() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("portal-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
