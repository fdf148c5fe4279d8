package com.hirepilot.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a server-sent event stream for a bounded time, as a browser's EventSource would open it: a
 * GET with the portal session's cookie. The stream never ends by itself, so every read stops at its
 * deadline and the connection is closed.
 */
public final class EventStreamReader {

  /** What the stream said before the deadline, and its status and content type. */
  public record Read(int status, String contentType, String text) {}

  private EventStreamReader() {}

  public static Read read(
      String url, String sessionCookie, String lastEventId, Duration forHowLong) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
    if (sessionCookie != null) {
      request.header("Cookie", "JSESSIONID=" + sessionCookie);
    }
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response;
    try {
      response =
          http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
              .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The event stream did not answer", e);
    }
    StringBuilder text = new StringBuilder();
    InputStream body = response.body();
    CompletableFuture<Void> reading =
        CompletableFuture.runAsync(
            () -> {
              byte[] buffer = new byte[4096];
              try {
                int n;
                while ((n = body.read(buffer)) >= 0) {
                  synchronized (text) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                  }
                }
              } catch (IOException e) {
                // closed at the deadline
              }
            });
    try {
      reading.get(forHowLong.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // the usual end: a live stream is still open at the deadline
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      try {
        body.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    synchronized (text) {
      return new Read(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          text.toString());
    }
  }
}
