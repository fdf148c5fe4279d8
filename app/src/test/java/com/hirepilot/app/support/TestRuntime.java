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
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

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

  /** A second app on H2, for tests that change the app's beans and so need a context apart. */
  private static final class IsolatedH2 {
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

  public static TestRuntime isolatedH2() {
    return IsolatedH2.INSTANCE;
  }

  public static TestRuntime postgres() {
    return Postgres.INSTANCE;
  }

  public String origin() {
    return "http://localhost:" + httpPort;
  }

  /**
   * Test classes name this initializer to share the app on H2. An initializer class (unlike a
   * {@code @DynamicPropertySource} method) is the same cache key in every class, so Spring starts
   * the app once for all of them.
   */
  public static final class OnH2
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      h2().apply(context);
    }
  }

  /** Likewise, for the second app on H2 (its own ports, data directory and context). */
  public static final class OnIsolatedH2
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      isolatedH2().apply(context);
    }
  }

  /** Likewise, for the app on the local PostgreSQL. */
  public static final class OnPostgres
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      postgres().apply(context);
    }
  }

  /**
   * Every app under test runs on a pool of {@value #POOL_SIZE} connections with Hikari's leak
   * detection on, and counts its statements ({@link StatementCounter}): reads that would need a
   * second connection, or a statement per row, show up in every test rather than only under load.
   */
  public static final int POOL_SIZE = 4;

  private void apply(ConfigurableApplicationContext context) {
    ((GenericApplicationContext) context)
        .registerBean("statementCounter", StatementCounter.class, StatementCounter::new);
    TestPropertyValues values =
        TestPropertyValues.of(
            "spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE,
            "spring.datasource.hikari.connection-timeout=10000",
            "spring.datasource.hikari.leak-detection-threshold=5000",
            "server.port=" + httpPort,
            "portal.base-url=" + origin(),
            "portal.data-dir=" + dataDir,
            "portal.demo.enabled=false",
            "portal.bootstrap.token=" + RECRUITER_TOKEN,
            "portal.bootstrap.email=" + RECRUITER_EMAIL,
            "portal.mail.embedded=false",
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + TestMail.port(),
            "temporal.embedded-port=" + temporalPort);
    if (postgresUrl != null) {
      values =
          values.and(
              "spring.datasource.url=" + postgresUrl,
              "spring.datasource.username=postgres",
              "spring.datasource.password=");
    }
    values.applyTo(context);
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
