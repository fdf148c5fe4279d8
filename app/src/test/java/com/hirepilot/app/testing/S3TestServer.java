package com.hirepilot.app.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Adobe's S3Mock, a real S3 server, in a process of its own on a free loopback port: one for the
 * whole test JVM, started on first use and stopped when the JVM exits. Its jar is the {@code
 * s3-test-server} module's, copied to {@code target/s3-test-server} by the build (S3Mock is a
 * Spring Boot app: on this classpath it would configure the apps under test too).
 */
public final class S3TestServer {

  public static final String BUCKET = "portal-files";
  public static final String ACCESS_KEY = "test-access-key";
  public static final String SECRET_KEY = "test-secret-key";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private static final class Holder {
    static final S3TestServer INSTANCE = new S3TestServer();
  }

  private final int port = TestPorts.free();
  private final Process process;

  public static S3TestServer get() {
    return Holder.INSTANCE;
  }

  private S3TestServer() {
    Path jar = Path.of("target", "s3-test-server", "s3-test-server.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: run the tests through Maven, which copies it (process-test-classes)");
    }
    try {
      Path root = Files.createTempDirectory("s3mock-");
      Path log = jar.resolveSibling("s3mock-" + port + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      process =
          new ProcessBuilder(
                  java,
                  "-Xmx256m",
                  "-XX:TieredStopAtLevel=1",
                  "-jar",
                  jar.toString(),
                  "--com.adobe.testing.s3mock.httpPort=" + port,
                  // S3Mock also opens an HTTPS port; a free one, so runs side by side never clash.
                  "--server.port=" + TestPorts.free(),
                  "--server.address=127.0.0.1",
                  "--com.adobe.testing.s3mock.store.root=" + root,
                  "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      awaitReady(log.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitReady(File log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Mock stopped at start-up; see " + log);
      }
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains(BUCKET)) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroy();
    throw new IllegalStateException(
        "S3Mock did not answer within " + START_TIMEOUT + "; see " + log);
  }
}
