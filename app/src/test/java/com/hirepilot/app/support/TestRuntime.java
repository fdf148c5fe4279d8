package com.hirepilot.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings of one running app under test: its own ports, data directory and database. Test
 * classes that register the same runtime share one Spring context (and so one app).
 */
public final class TestRuntime {

  public static final String RECRUITER_TOKEN = "test-recruiter-token-0123456789abcdef";
  public static final String RECRUITER_EMAIL = "recruiter@agency.test";

  private static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private static final class H2 {
    static final TestRuntime INSTANCE = new TestRuntime(null);
  }

  private static final class Postgres {
    static final TestRuntime INSTANCE = new TestRuntime(createPostgresDatabase());
  }

  public final int httpPort = TestPorts.free();
  public final int temporalPort = TestPorts.free();
  public final Path dataDir;
  public final String postgresUrl;

  private TestRuntime(String postgresUrl) {
    this.postgresUrl = postgresUrl;
    try {
      this.dataDir = Files.createTempDirectory("portal-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TestRuntime h2() {
    return H2.INSTANCE;
  }

  public static TestRuntime postgres() {
    return Postgres.INSTANCE;
  }

  public String origin() {
    return "http://localhost:" + httpPort;
  }

  public void register(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> httpPort);
    registry.add("portal.base-url", this::origin);
    registry.add("portal.data-dir", dataDir::toString);
    registry.add("portal.demo.enabled", () -> false);
    registry.add("portal.bootstrap.token", () -> RECRUITER_TOKEN);
    registry.add("portal.bootstrap.email", () -> RECRUITER_EMAIL);
    registry.add("portal.mail.embedded", () -> false);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestMail::port);
    registry.add("temporal.embedded-port", () -> temporalPort);
    if (postgresUrl != null) {
      registry.add("spring.datasource.url", () -> postgresUrl);
      registry.add("spring.datasource.username", () -> "postgres");
      registry.add("spring.datasource.password", () -> "");
    }
  }

  /**
   * A database of its own on the local PostgreSQL for this test run; leftovers of earlier runs are
   * dropped first, and this one when the JVM exits.
   */
  private static String createPostgresDatabase() {
    String name = "portal_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
        Statement statement = admin.createStatement()) {
      List<String> stale = new ArrayList<>();
      try (var rs =
          statement.executeQuery(
              "select datname from pg_database where datname like 'portal_test_%'")) {
        while (rs.next()) {
          stale.add(rs.getString(1));
        }
      }
      for (String old : stale) {
        statement.execute("drop database if exists " + old + " with (force)");
      }
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "These tests need the local PostgreSQL on 127.0.0.1:5432 (user postgres)", e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection admin =
                          DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
                      Statement statement = admin.createStatement()) {
                    statement.execute("drop database if exists " + name + " with (force)");
                  } catch (SQLException ignored) {
                    // The next run drops it.
                  }
                }));
    return "jdbc:postgresql://127.0.0.1:5432/" + name;
  }
}
