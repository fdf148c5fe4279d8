package com.hirepilot.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A JVM of its own on the test's class path (the app, or Temporal's test server), its output in a
 * log file. Stopping it is SIGKILL: no shutdown hook runs, nothing is flushed or closed in order,
 * as when a machine dies.
 */
public final class JavaProcess implements AutoCloseable {

  private final String name;
  private final Path log;
  private final Process process;

  private JavaProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /** The test's class path, which holds the app and everything it runs on. */
  public static String testClasspath() {
    String classpath = System.getProperty("surefire.test.class.path");
    return classpath == null || classpath.isBlank()
        ? System.getProperty("java.class.path")
        : classpath;
  }

  /**
   * Starts {@code mainClass} on the test's class path with the environment given (added to this
   * JVM's); its output goes to {@code logDir/name.log}.
   */
  public static JavaProcess start(
      String name, Path logDir, Map<String, String> env, String mainClass, String... args) {
    return startOn(testClasspath(), name, logDir, env, mainClass, args);
  }

  /** The same on a class path of the caller's. */
  public static JavaProcess startOn(
      String classpath,
      String name,
      Path logDir,
      Map<String, String> env,
      String mainClass,
      String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // C1 only: these JVMs live for a minute or two, and the machine's cores are shared.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Path log = logDir.resolve(name + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      return new JavaProcess(name, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code ready} holds, failing with the log's tail if the process dies first. */
  public void awaitReady(BooleanSupplier ready, Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(
            name + " exited with " + process.exitValue() + ":\n" + logTail(60));
      }
      try {
        if (ready.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // its port is not open yet
      }
      sleep(Duration.ofMillis(250));
    }
    throw new AssertionError(name + " was not ready in " + within + ":\n" + logTail(60));
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, and waits for the process to be gone. */
  public void kill() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGTERM, so the process shuts down in order and its log is complete; SIGKILL after grace. */
  public void stop(Duration grace) {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    kill();
  }

  public Path log() {
    return log;
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return name
          + " (last lines of "
          + log
          + "):\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log of " + name + ": " + e.getMessage() + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
