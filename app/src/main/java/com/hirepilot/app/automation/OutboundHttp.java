package com.hirepilot.app.automation;

import com.hirepilot.app.automation.OutboundTargets.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client of automation's outbound actions. Every call is bounded (connect, answer and
 * whole exchange), redirects are never followed (a redirect could lead past {@link OutboundTargets}
 * to a private address), and the answer decides whether Temporal retries: 2xx succeeds, 408/429/5xx
 * and network trouble are retried ({@link OutboundFailure}), any other answer is a {@link
 * PermanentActionFailure}. Messages name the receiver's scheme and host only: the rest of the URL
 * may be a secret.
 *
 * <p>DNS rebinding: the host is resolved and checked, then connected to. For {@code http} the
 * request goes to the checked IP address itself, with the original {@code Host} header, so a second
 * DNS answer cannot be involved. {@code java.net.http} refuses a caller's {@code Host} header
 * unless the JVM runs with {@code jdk.httpclient.allowRestrictedHeaders=host}, read once when the
 * client classes load: {@link #ALLOW_HOST_HEADER} sets it as early as this class is loaded and
 * {@code HirePilotApplication.main} sets it before anything else. For {@code https} the request
 * goes to the name: the certificate must be valid for that name, so a rebound answer pointing at an
 * internal server fails the TLS handshake before any request is sent (and the JVM's DNS cache, 30 s
 * by default, gives the client the same addresses that were just checked).
 */
@Component
public class OutboundHttp {

  /** The system property that lets {@code java.net.http} send our own {@code Host} header. */
  public static final String ALLOW_HOST_HEADER = "jdk.httpclient.allowRestrictedHeaders";

  static {
    allowHostHeader();
  }

  /** How much of a receiver's answer a failure message quotes. */
  static final int EXCERPT = 200;

  private static final Logger log = LoggerFactory.getLogger(OutboundHttp.class);

  private final OutboundTargets targets;
  private final HttpClient client;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final boolean pinning;

  @Autowired
  OutboundHttp(OutboundTargets targets, OutboundProperties properties) {
    this(targets, properties.connectTimeout(), properties.readTimeout());
  }

  OutboundHttp(OutboundTargets targets, Duration connectTimeout, Duration readTimeout) {
    this.targets = targets;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            // One POST per delivery: HTTP/1.1 keeps it plain (no h2c upgrade on http receivers).
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.pinning = hostHeaderAllowed();
    if (!pinning) {
      log.warn(
          "java.net.http was loaded before {}=host was set: automation's http:// calls go to the"
              + " host's name, re-resolved by the JVM (its DNS cache usually gives the checked"
              + " addresses); set -D{}=host on the command line to pin them",
          ALLOW_HOST_HEADER,
          ALLOW_HOST_HEADER);
    }
  }

  /** Adds {@code host} to the JDK's allowed restricted headers, keeping any already named. */
  public static void allowHostHeader() {
    String current = System.getProperty(ALLOW_HOST_HEADER, "");
    boolean present = false;
    for (String name : current.split(",")) {
      present |= name.trim().equalsIgnoreCase("host");
    }
    if (!present) {
      System.setProperty(ALLOW_HOST_HEADER, current.isBlank() ? "host" : current + ",host");
    }
  }

  private static boolean hostHeaderAllowed() {
    try {
      HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "probe");
      return true;
    } catch (IllegalArgumentException restricted) {
      return false;
    }
  }

  /**
   * POSTs the body to the URL after {@link OutboundTargets} has allowed it.
   *
   * @throws PermanentActionFailure for a refused target, a redirect or a 4xx other than 408 and 429
   * @throws OutboundFailure for anything a later attempt may get past
   */
  public void post(String url, Map<String, String> headers, byte[] body) {
    Target target = targets.check(url);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(address(target))
            .timeout(readTimeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (pinned(target)) {
      request.header("Host", hostHeader(target.uri()));
    }
    HttpResponse<byte[]> response = exchange(target, request.build());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String said = target.origin() + " answered " + status + excerpt(response.body());
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").orElse("(no Location)");
      throw new PermanentActionFailure(
          target.origin()
              + " answered "
              + status
              + " redirecting to "
              + location
              + "; redirects are not followed, use the final URL");
    }
    if (status == 408 || status == 429 || status >= 500) {
      throw new OutboundFailure(said);
    }
    throw new PermanentActionFailure(said);
  }

  private HttpResponse<byte[]> exchange(Target target, HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(request, info -> new FirstBytes(EXCERPT * 4));
    // The request timeout covers the wait for the answer's headers; this bounds the whole
    // exchange, so a receiver trickling its body cannot hold the activity either.
    long limit = connectTimeout.plus(readTimeout).toMillis();
    try {
      return answer.get(limit, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new OutboundFailure(
          "No answer from " + target.origin() + " within " + readTimeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new OutboundFailure("Interrupted while calling " + target.origin(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw new OutboundFailure(
            "No answer from " + target.origin() + " within " + timeoutOf(cause) + " s", cause);
      }
      if (cause instanceof IOException) {
        throw new OutboundFailure(
            "Could not reach "
                + target.origin()
                + ": "
                + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName()
                    : cause.getMessage()),
            cause);
      }
      throw new OutboundFailure("Calling " + target.origin() + " failed: " + cause, cause);
    }
  }

  private long timeoutOf(Throwable timeout) {
    return timeout instanceof java.net.http.HttpConnectTimeoutException
        ? connectTimeout.toSeconds()
        : readTimeout.toSeconds();
  }

  private boolean pinned(Target target) {
    return pinning
        && "http".equalsIgnoreCase(target.uri().getScheme())
        && !target.host().equals(literal(target));
  }

  private static String literal(Target target) {
    String ip = target.address().getHostAddress();
    int zone = ip.indexOf('%');
    return zone < 0 ? ip : ip.substring(0, zone);
  }

  /** The URI the client connects to: the checked address for pinned http, else the URL itself. */
  private URI address(Target target) {
    URI uri = target.uri();
    if (!pinned(target)) {
      return uri;
    }
    String ip = literal(target);
    String host = target.address() instanceof Inet6Address ? "[" + ip + "]" : ip;
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    try {
      return new URI(uri.getScheme() + "://" + host + port + rawPathAndQuery(uri));
    } catch (URISyntaxException e) {
      throw new PermanentActionFailure("The URL is not valid: " + e.getReason());
    }
  }

  private static String rawPathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static String hostHeader(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /** ": <the body's first characters>" on one line, or nothing for an empty body. */
  static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "";
    }
    if (text.length() > EXCERPT) {
      text = text.substring(0, EXCERPT) + "…";
    }
    return ": " + text;
  }

  /** Keeps the first bytes of an answer and drops the rest: only an excerpt is ever shown. */
  private static final class FirstBytes implements BodySubscriber<byte[]> {

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    FirstBytes(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int room = limit - kept.size();
        if (room > 0) {
          byte[] bytes = new byte[Math.min(room, buffer.remaining())];
          buffer.get(bytes);
          kept.write(bytes, 0, bytes.length);
        }
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(kept.toByteArray());
    }
  }
}
