package com.hirepilot.app.testing;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like one person's browser or script: it echoes the
 * XSRF-TOKEN cookie in the X-XSRF-TOKEN header on writes, as api.md asks of scripts.
 */
public final class Browser {

  private final String origin;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private final String forwardedFor;

  public Browser(String origin) {
    this(origin, null);
  }

  /**
   * A browser behind a proxy that reports it as {@code forwardedFor} (X-Forwarded-For), for an app
   * that trusts its local proxy ({@link TestRuntime#throttled()}): each test its own IP.
   */
  public Browser(String origin, String forwardedFor) {
    this.forwardedFor = forwardedFor;
    this.origin = origin;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public HttpResponse<String> get(String pathOrUrl) {
    return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
  }

  /** A GET as a browser's address bar sends it: asking for a page. */
  public HttpResponse<String> getPage(String pathOrUrl) {
    return send(
        HttpRequest.newBuilder(uri(pathOrUrl))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .GET()
            .build());
  }

  public HttpResponse<String> head(String pathOrUrl) {
    return send(
        HttpRequest.newBuilder(uri(pathOrUrl))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    return postForm(path, java.util.List.copyOf(fields.entrySet()));
  }

  /** A form POST with repeated fields (checkboxes), in the order given. */
  public HttpResponse<String> postForm(
      String path, java.util.List<Map.Entry<String, String>> fields) {
    String body =
        fields.stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            // What a browser says when it submits a form: error answers come as pages.
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * Submits a {@code multipart/form-data} form as a browser does: the text fields, then one file
   * (left out when {@code content} is null, as a form whose file input was left empty sends it with
   * no file name).
   */
  public HttpResponse<String> postMultipart(
      String path, Map<String, String> fields, String fileField, String filename, byte[] content) {
    String boundary = "----browser" + java.util.UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> field : fields.entrySet()) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + field.getKey()
                    + "\"\r\n\r\n"
                    + field.getValue()
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fileField
                  + "\"; filename=\""
                  + (content == null ? "" : filename)
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(content == null ? new byte[0] : content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(
        withXsrf(HttpRequest.newBuilder(uri(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> postJsonWithoutCsrf(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> delete(String path) {
    return send(withXsrf(HttpRequest.newBuilder(uri(path))).DELETE().build());
  }

  /**
   * Signs this browser in through the JSON API with an emailed link (which uses the link up).
   *
   * @return the answer's status: 200 signed in, 401 a bad, used or expired link
   */
  public int signInWith(String link) {
    String token = link.substring(link.indexOf("token=") + "token=".length());
    return postJson("/api/portal/session", "{\"token\":\"" + token + "\"}").statusCode();
  }

  /**
   * Opens an emailed sign-in link's page and presses its button, as a person would.
   *
   * @return the answer to the button's POST: a redirect into the portal once signed in
   */
  public HttpResponse<String> confirmLink(String link) {
    HttpResponse<String> page = get(link);
    if (page.statusCode() != 200) {
      throw new AssertionError("The link page answered " + page.statusCode());
    }
    String token = link.substring(link.indexOf("token=") + "token=".length());
    return postForm("/portal/login", Map.of("token", token, "_csrf", csrfField(page.body())));
  }

  /**
   * Signs in to the recruiters' console with email and password, as its sign-in form does.
   *
   * @return the answer to the form's POST (a redirect: into the console, or back with ?error)
   */
  public HttpResponse<String> signInToConsole(String email, String password) {
    HttpResponse<String> page = getPage("/console/login");
    return postForm(
        "/console/login",
        Map.of("email", email, "password", password, "_csrf", csrfField(page.body())));
  }

  /** The value of the first form's CSRF field on a page. */
  public static String csrfField(String html) {
    java.util.regex.Matcher field =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    if (!field.find()) {
      throw new AssertionError("No _csrf field on the page");
    }
    return field.group(1);
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Makes sure the CSRF cookie is there, as any page view would. */
  public void primeCsrf() {
    if (cookie("XSRF-TOKEN") == null) {
      get("/portal/access");
    }
  }

  private HttpRequest.Builder withXsrf(HttpRequest.Builder builder) {
    primeCsrf();
    String token = cookie("XSRF-TOKEN");
    return token == null ? builder : builder.header("X-XSRF-TOKEN", token);
  }

  private URI uri(String pathOrUrl) {
    return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : origin + pathOrUrl);
  }

  private HttpResponse<String> send(HttpRequest request) {
    if (forwardedFor != null) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("X-Forwarded-For", forwardedFor)
              .build();
    }
    return Http.send(http, request);
  }

  /**
   * Opens a streaming GET with this browser's cookies (e.g. a server-sent event stream), answering
   * once the headers are in; the body is read as it comes. Fails after {@code timeout} without
   * headers.
   */
  public HttpResponse<java.io.InputStream> openStream(
      String pathOrUrl, Map<String, String> headers, java.time.Duration timeout) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
    headers.forEach(builder::header);
    if (forwardedFor != null) {
      builder.header("X-Forwarded-For", forwardedFor);
    }
    try {
      return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream())
          .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("GET " + pathOrUrl + " gave no answer in " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
