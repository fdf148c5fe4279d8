package com.hirepilot.app.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.job.JobActivityAppended;
import com.hirepilot.app.submission.SubmissionChanged;
import com.hirepilot.app.system.ConditionalOnPostgres;
import com.hirepilot.workflows.submission.SubmissionEventType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Carries this instance's live events to every other instance on the same PostgreSQL database, and
 * theirs to this one.
 *
 * <p>Sending: each {@link JobActivityAppended} and {@link SubmissionChanged} becomes a {@code
 * pg_notify} on the writer's own connection, inside its transaction. PostgreSQL delivers a
 * notification only when that transaction commits, and drops it on rollback, so another instance
 * never hears of a line it cannot read yet, nor of one that was never written.
 *
 * <p>Receiving: one connection per instance, opened apart from the pool (it is held for the app's
 * life), LISTENs on {@value #CHANNEL} in a daemon thread. Notifications from other instances are
 * published again here as the same Spring events; with no transaction active, the streams'
 * after-commit listeners run at once. This instance's own are skipped: its streams heard them
 * locally.
 *
 * <p>When the listening connection breaks, it is opened again a second later. Whatever was said
 * meanwhile is not lost to the pages: each stream's heartbeat re-reads, as it always has.
 */
@Component
@ConditionalOnPostgres
class PostgresEventRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PostgresEventRelay.class);

  static final String CHANNEL = "hirepilot_events";

  /** How the listening connection names itself in {@code pg_stat_activity}. */
  static final String APPLICATION_NAME = "hirepilot-live-events";

  /** How long one wait for notifications lasts: also how soon a stop is noticed. */
  private static final Duration POLL = Duration.ofMillis(500);

  private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

  /** A quiet connection is checked this often, so a silently dropped one is found. */
  private static final Duration CHECK_QUIET_CONNECTION = Duration.ofSeconds(30);

  /** What travels in a notification's payload: who sent it, and the event's fields. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Notice(
      String from,
      String kind,
      String jobId,
      String submissionId,
      String type,
      Boolean clientVisible) {}

  private static final String ACTIVITY = "activity";
  private static final String SUBMISSION = "submission";

  /** This instance, per application context: two apps in one JVM are two instances. */
  private final String instanceId = UUID.randomUUID().toString();

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final DataSourceProperties dataSource;

  private volatile boolean running;
  private volatile Thread listener;

  PostgresEventRelay(
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      ObjectMapper json,
      DataSourceProperties dataSource) {
    this.jdbc = jdbc;
    this.events = events;
    this.json = json;
    this.dataSource = dataSource;
  }

  String instanceId() {
    return instanceId;
  }

  @EventListener
  void appended(JobActivityAppended event) {
    if (relayed()) {
      return;
    }
    send(
        new Notice(
            instanceId,
            ACTIVITY,
            event.jobId(),
            event.submissionId(),
            event.type() == null ? null : event.type().name(),
            event.clientVisible()));
  }

  @EventListener
  void changed(SubmissionChanged event) {
    if (relayed()) {
      return;
    }
    send(new Notice(instanceId, SUBMISSION, null, event.submissionId(), null, null));
  }

  /**
   * Whether the event is one this relay published from a notification: sending it back would echo
   * it around every instance for ever. Only the listening thread publishes those, and it writes
   * nothing.
   */
  private boolean relayed() {
    return Thread.currentThread() == listener;
  }

  private void send(Notice notice) {
    String payload;
    try {
      payload = json.writeValueAsString(notice);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
    try {
      // On the writer's connection: sent at its commit, dropped at its rollback.
      jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query(rs -> {});
    } catch (RuntimeException e) {
      if (inTransaction) {
        throw e; // PostgreSQL has aborted the writer's transaction anyway
      }
      // The change itself is committed: other instances' pages catch up at their heartbeat.
      log.warn("Could not tell other instances of a change: {}", e.getMessage());
    }
  }

  @Override
  public void start() {
    running = true;
    Thread thread = new Thread(this::listen, "live-events-listener");
    thread.setDaemon(true);
    listener = thread;
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = listener;
    if (thread != null) {
      try {
        thread.join(POLL.multipliedBy(4).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Listens until stopped, opening the connection again a second after it breaks. */
  private void listen() {
    while (running) {
      try (Connection connection = connect()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("listen " + CHANNEL);
        }
        log.info("Listening for other instances' live events on PostgreSQL");
        receive(connection);
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn(
              "The connection for other instances' live events broke ({}); trying again in {} s."
                  + " Open pages catch up at their heartbeat meanwhile.",
              e.getMessage(),
              RECONNECT_DELAY.toSeconds());
          pause();
        }
      }
    }
    log.info("Stopped listening for other instances' live events");
  }

  private void receive(Connection connection) throws SQLException {
    PGConnection postgres = connection.unwrap(PGConnection.class);
    long quietSince = System.nanoTime();
    while (running) {
      PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
      if (notifications != null && notifications.length > 0) {
        quietSince = System.nanoTime();
        for (PGNotification notification : notifications) {
          relay(notification.getParameter());
        }
      } else if (System.nanoTime() - quietSince > CHECK_QUIET_CONNECTION.toNanos()) {
        if (!connection.isValid(5)) {
          throw new SQLException("the connection no longer answers");
        }
        quietSince = System.nanoTime();
      }
    }
  }

  /** Publishes another instance's event here; a bad payload or a failing listener is logged. */
  private void relay(String payload) {
    try {
      Notice notice = json.readValue(payload, Notice.class);
      if (instanceId.equals(notice.from())) {
        return; // this instance's own: already delivered here
      }
      if (ACTIVITY.equals(notice.kind())) {
        events.publishEvent(
            new JobActivityAppended(
                notice.jobId(),
                notice.submissionId(),
                notice.type() == null ? null : SubmissionEventType.valueOf(notice.type()),
                Boolean.TRUE.equals(notice.clientVisible())));
      } else if (SUBMISSION.equals(notice.kind())) {
        events.publishEvent(new SubmissionChanged(notice.submissionId()));
      }
    } catch (JsonProcessingException | RuntimeException e) {
      log.warn("Could not relay a live event from another instance: {}", e.getMessage());
    }
  }

  /** A connection of its own, outside the pool: it stays open and busy for the app's life. */
  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    String user = dataSource.determineUsername();
    if (user != null) {
      properties.setProperty("user", user);
    }
    String password = dataSource.determinePassword();
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    properties.setProperty("connectTimeout", "5"); // seconds
    properties.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(dataSource.determineUrl(), properties);
  }

  private void pause() {
    try {
      Thread.sleep(RECONNECT_DELAY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
