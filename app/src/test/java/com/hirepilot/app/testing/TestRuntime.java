package com.hirepilot.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
  public static final String RECRUITER_PASSWORD = "test-console-password-42";

  private static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private static final class H2 {
    static final TestRuntime INSTANCE = new TestRuntime(null);
  }

  /** A second app on H2, for tests that change the app's beans and so need a context apart. */
  private static final class IsolatedH2 {
    static final TestRuntime INSTANCE = new TestRuntime(null);
  }

  /** The shared app on PostgreSQL; its SendGrid Event Webhook is on ({@link SendGridKeys}). */
  private static final class Postgres {
    static final TestRuntime INSTANCE = new TestRuntime(createPostgresDatabase());

    static {
      INSTANCE.sendGridWebhook = true;
    }
  }

  /**
   * An app on a PostgreSQL database of its own that start-up leaves empty (no bootstrap token), so
   * a test can run the first start's seeding itself; its console links to a Temporal Web UI.
   */
  private static final class FirstStartPostgres {
    static final TestRuntime INSTANCE = new TestRuntime(createPostgresDatabase());

    static {
      INSTANCE.firstStart = true;
    }
  }

  /** The Web UI origin of the {@link #firstStartPostgres()} app ({@code temporal.ui-url}). */
  public static final String TEMPORAL_UI_URL = "http://temporal-ui.test:8080/";

  /**
   * An app with the shipped rate limits, behind a pretend proxy: it takes the client's IP from
   * {@code X-Forwarded-For}, so each test can knock from its own IPs.
   */
  private static final class Throttled {
    static final TestRuntime INSTANCE = new TestRuntime(null);

    static {
      INSTANCE.throttled = true;
    }
  }

  /** An app whose SMTP server is the test's own, on a port the test opens and closes. */
  private static final class OwnSmtp {
    static final TestRuntime INSTANCE = new TestRuntime(null);

    static {
      INSTANCE.smtpPort = TestPorts.free();
    }
  }

  /**
   * Apps of their own for REX: its health check reads the app's recent sign-in and error counts,
   * which the other tests' deliberate failures would colour. One for the journeys, one for the
   * outage the system-wide test causes.
   */
  private static final class Rex {
    static final TestRuntime INSTANCE = new TestRuntime(null);

    static {
      // REX's email questions are asked about what the signed webhook recorded.
      INSTANCE.sendGridWebhook = true;
    }
  }

  private static final class RexOutage {
    static final TestRuntime INSTANCE = new TestRuntime(null);
  }

  /** An app whose files live in S3 ({@link S3TestServer}), on H2. */
  private static final class S3 {
    static final TestRuntime INSTANCE = new TestRuntime(null);

    static {
      INSTANCE.s3 = true;
    }
  }

  public final int httpPort = TestPorts.free();
  public final int temporalPort = TestPorts.free();
  public final Path dataDir;
  public final String postgresUrl;
  private boolean throttled;
  private boolean firstStart;
  private Integer smtpPort;
  private boolean s3;
  private boolean sendGridWebhook;

  /** How long SMTP calls of the {@link #ownSmtp()} app may take before they fail. */
  public static final Duration OWN_SMTP_TIMEOUT = Duration.ofMillis(1500);

  /** The absolute session lifetime of the {@link #ownSmtp()} app. */
  public static final Duration OWN_SMTP_SESSION_LIFETIME = Duration.ofSeconds(6);

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

  public static TestRuntime s3() {
    return S3.INSTANCE;
  }

  public static TestRuntime firstStartPostgres() {
    return FirstStartPostgres.INSTANCE;
  }

  public static TestRuntime throttled() {
    return Throttled.INSTANCE;
  }

  public static TestRuntime ownSmtp() {
    return OwnSmtp.INSTANCE;
  }

  public static TestRuntime rex() {
    return Rex.INSTANCE;
  }

  public static TestRuntime rexOutage() {
    return RexOutage.INSTANCE;
  }

  /**
   * An app of its own on a new PostgreSQL database, for a test that starts its apps itself (with
   * {@link #initializer()}) rather than through {@code @SpringBootTest}.
   */
  public static TestRuntime onNewPostgresDatabase() {
    return new TestRuntime(createPostgresDatabase());
  }

  /** Another instance on the same database as {@code first}: its own ports and data directory. */
  public static TestRuntime anotherInstanceOf(TestRuntime first) {
    return new TestRuntime(first.postgresUrl);
  }

  /** This runtime's settings, for {@code SpringApplicationBuilder.initializers}. */
  public ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
    return this::apply;
  }

  /** The SMTP port the {@link #ownSmtp()} app sends to; nothing listens until the test says. */
  public int smtpPort() {
    return smtpPort;
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

  /** Likewise, for the app on an empty PostgreSQL database of its own. */
  public static final class OnFirstStartPostgres
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      firstStartPostgres().apply(context);
    }
  }

  /** Likewise, for the app with the shipped rate limits. */
  public static final class OnThrottled
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      throttled().apply(context);
    }
  }

  /** Likewise, for the app that sends to the test's own SMTP port. */
  public static final class OnOwnSmtp
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      ownSmtp().apply(context);
    }
  }

  /** Likewise, for REX's journeys. */
  public static final class OnRex
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      rex().apply(context);
    }
  }

  /** Likewise, for REX during an outage. */
  public static final class OnRexOutage
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      rexOutage().apply(context);
    }
  }

  /** Likewise, for the app that keeps its files in S3. */
  public static final class OnS3
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      s3().apply(context);
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
            "portal.bootstrap.password=" + RECRUITER_PASSWORD,
            "portal.mail.embedded=false",
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + (smtpPort != null ? smtpPort : TestMail.port()),
            "temporal.embedded-port=" + temporalPort,
            // A second comment's email comes within seconds, not after the shipped ten minutes.
            "portal.comments.digest-window=PT3S",
            // Rules' webhooks reach the tests' loopback receivers (by IP only: "localhost" stays
            // refused), and a receiver that never answers fails an attempt within two seconds.
            "portal.automation.allowed-hosts=127.0.0.1",
            "portal.automation.read-timeout=PT2S");
    if (firstStart) {
      values = values.and("portal.bootstrap.token=", "temporal.ui-url=" + TEMPORAL_UI_URL);
    }
    if (throttled) {
      values = values.and("server.forward-headers-strategy=native");
    } else {
      // Tests sign in and comment far more often than any client: only the throttled app limits.
      for (String limit :
          List.of(
              "link-requests-per-address",
              "link-requests-per-ip",
              "sign-ins-per-ip",
              "console-sign-ins-per-ip",
              "console-sign-ins-per-address",
              "comments-per-client")) {
        values = values.and("portal.rate-limits." + limit + ".requests=1000000");
      }
    }
    if (smtpPort != null) {
      // This app's sessions also end early, so a test can outlive one.
      values = values.and("portal.session.absolute-lifetime=" + OWN_SMTP_SESSION_LIFETIME);
      String millis = String.valueOf(OWN_SMTP_TIMEOUT.toMillis());
      values =
          values.and(
              "spring.mail.properties.mail.smtp.connectiontimeout=" + millis,
              "spring.mail.properties.mail.smtp.timeout=" + millis,
              "spring.mail.properties.mail.smtp.writetimeout=" + millis);
    }
    if (s3) {
      S3TestServer server = S3TestServer.get();
      values =
          values.and(
              "portal.files.store=s3",
              "portal.files.s3.bucket=" + S3TestServer.BUCKET,
              "portal.files.s3.endpoint=" + server.endpoint(),
              "portal.files.s3.access-key=" + S3TestServer.ACCESS_KEY,
              "portal.files.s3.secret-key=" + S3TestServer.SECRET_KEY);
    }
    if (sendGridWebhook) {
      values =
          values.and(
              "portal.sendgrid.webhook-public-key="
                  + SendGridKeys.publicKey(SendGridKeys.SENDGRID));
    }
    if (postgresUrl != null) {
      values =
          values.and(
              "spring.datasource.url=" + postgresUrl,
              "spring.datasource.username=postgres",
              "spring.datasource.password=");
    }
    values.applyTo(context);
  }

  /** Whether a test database is an earlier run's: an old name, or made over three hours ago. */
  private static boolean leftOver(String database, long nowSeconds) {
    String[] parts = database.split("_");
    if (parts.length != 4) {
      return true;
    }
    try {
      return nowSeconds - Long.parseLong(parts[2]) > 3 * 3600;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /**
   * A database of its own on the local PostgreSQL for this test run; leftovers of earlier runs are
   * dropped first, and this one when the JVM exits.
   */
  public static String newPostgresDatabase() {
    return createPostgresDatabase();
  }

  private static String createPostgresDatabase() {
    // The creation time is in the name, so a run drops only leftovers old enough that no other
    // run (another worktree, a helper) can still be using them.
    long now = System.currentTimeMillis() / 1000;
    String name =
        "portal_test_" + now + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
        Statement statement = admin.createStatement()) {
      List<String> stale = new ArrayList<>();
      try (var rs =
          statement.executeQuery(
              "select datname from pg_database where datname like 'portal_test_%'")) {
        while (rs.next()) {
          if (leftOver(rs.getString(1), now)) {
            stale.add(rs.getString(1));
          }
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
