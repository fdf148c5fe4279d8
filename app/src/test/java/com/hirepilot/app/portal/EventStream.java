package com.hirepilot.app.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.testing.Browser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server-sent event stream read as a browser's EventSource would, on a daemon thread of its own:
 * every wait is bounded, so a stream that stays silent fails a test and never hangs the build.
 */
public final class EventStream implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One dispatched event: its id, name and data (the data lines joined with newlines). */
  public record Event(String id, String name, String data) {
    public JsonNode json() {
      try {
        return JSON.readTree(data);
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + data, e);
      }
    }

    public String detail() {
      return json().path("detail").asText();
    }
  }

  private static final Event END = new Event(null, null, null);

  final HttpResponse<InputStream> response;
  private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final List<Event> received = new ArrayList<>();
  private final StringBuilder raw = new StringBuilder();
  private boolean ended;

  private EventStream(HttpResponse<InputStream> response) {
    this.response = response;
    if (response.statusCode() == 200) {
      Thread reader = new Thread(this::read, "test-event-stream-reader");
      reader.setDaemon(true);
      reader.start();
    }
  }

  /** Opens the stream with the browser's cookies; any status is answered, only 200 is read. */
  public static EventStream open(Browser browser, String path, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putIfAbsent("Accept", "text/event-stream");
    return new EventStream(browser.openStream(path, all, Duration.ofSeconds(15)));
  }

  public static EventStream open(Browser browser, String path) {
    return open(browser, path, Map.of());
  }

  public int status() {
    return response.statusCode();
  }

  String body() {
    try (InputStream in = response.body()) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String name = null;
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (raw) {
          raw.append(line).append('\n');
        }
        if (line.isEmpty()) {
          if (data != null) {
            queue.add(new Event(id, name == null ? "message" : name, data.toString()));
          }
          id = null;
          name = null;
          data = null;
          continue;
        }
        if (line.startsWith(":")) {
          continue; // a comment: the heartbeat
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        switch (field) {
          case "id" -> id = value;
          case "event" -> name = value;
          case "data" ->
              data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
          default -> {}
        }
      }
    } catch (IOException e) {
      // the stream was cut: that ends it like a close
    } finally {
      queue.add(END);
    }
  }

  /**
   * Waits for the next event that matches, collecting the ones before it.
   *
   * @throws AssertionError if none came in time, or the stream ended first
   */
  public Event await(Predicate<Event> wanted, Duration within, String what) {
    Instant deadline = Instant.now().plus(within);
    while (true) {
      Event next = next(deadline);
      if (next == null) {
        throw new AssertionError(
            "No event " + what + " within " + within + "; received: " + received);
      }
      if (next == END) {
        throw new AssertionError("The stream ended before an event " + what + ": " + received);
      }
      if (wanted.test(next)) {
        return next;
      }
    }
  }

  /** Every event that arrives within the time given (the stream may end earlier). */
  List<Event> drain(Duration within) {
    Instant deadline = Instant.now().plus(within);
    List<Event> got = new ArrayList<>();
    Event next;
    while ((next = next(deadline)) != null && next != END) {
      got.add(next);
    }
    return got;
  }

  /** Whether the server ended the stream within the time given. */
  boolean endsWithin(Duration within) {
    Instant deadline = Instant.now().plus(within);
    Event next;
    while ((next = next(deadline)) != null) {
      if (next == END) {
        return true;
      }
    }
    return false;
  }

  /** Every event received so far, in order. */
  List<Event> received() {
    return List.copyOf(received);
  }

  /** Everything the server sent so far, as text. */
  String raw() {
    synchronized (raw) {
      return raw.toString();
    }
  }

  private Event next(Instant deadline) {
    if (ended) {
      return END;
    }
    long wait = Duration.between(Instant.now(), deadline).toMillis();
    try {
      Event event = queue.poll(Math.max(0, wait), TimeUnit.MILLISECONDS);
      if (event == END) {
        ended = true;
      } else if (event != null) {
        received.add(event);
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // The reader thread is a daemon: even if closing does not wake it, it never holds the JVM.
    Thread closer =
        new Thread(
            () -> {
              try {
                response.body().close();
              } catch (IOException | RuntimeException ignored) {
                // gone already
              }
            },
            "test-event-stream-closer");
    closer.setDaemon(true);
    closer.start();
  }
}
