package com.hirepilot.app.system;

import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The {@code temporal.*} settings (docs/configuration-temporal.md).
 *
 * @param target {@code embedded} for the in-process server, or {@code host:port} of a frontend
 * @param apiKey a Temporal Cloud API key, sent as a bearer token on every call (implies TLS)
 * @param tls how the connection to an external frontend is secured
 * @param worker how much work this instance's workers take on at once
 * @param uiUrl the Temporal Web UI's origin, for links from the console to a submission's workflow
 */
@ConfigurationProperties("temporal")
public record TemporalProperties(
    String target,
    int embeddedPort,
    String namespace,
    String apiKey,
    Tls tls,
    Worker worker,
    String uiUrl) {

  @ConstructorBinding
  public TemporalProperties {
    tls = tls == null ? Tls.OFF : tls;
    worker = worker == null ? Worker.SDK_DEFAULTS : worker;
  }

  /** The embedded runtime's settings, as when nothing but these three is configured. */
  public TemporalProperties(String target, int embeddedPort, String namespace) {
    this(target, embeddedPort, namespace, null, null, null, null);
  }

  /**
   * TLS towards the frontend. With a certificate and key it is mutual TLS, as Temporal Cloud's
   * certificate authentication wants it; with neither, the server is checked against the JVM's
   * trusted CAs (or {@code caFile}) and the client shows no certificate.
   *
   * @param certFile PEM client certificate (chain)
   * @param keyFile its PKCS8 PEM private key
   * @param caFile PEM CA certificates to trust instead of the JVM's, for a self-hosted frontend
   * @param serverName the name to expect on the server's certificate, when it is not the target's
   *     host (an IP address, or a load balancer's name)
   */
  public record Tls(
      boolean enabled, String certFile, String keyFile, String caFile, String serverName) {
    static final Tls OFF = new Tls(false, null, null, null, null);

    boolean clientCertificate() {
      return present(certFile) || present(keyFile);
    }
  }

  /**
   * How much work the workers of this instance run at once. Each default is the Temporal SDK's own
   * (1.39), so leaving them unset changes nothing.
   *
   * @param maxConcurrentActivities activities executing at once, per task queue's worker
   * @param maxConcurrentWorkflowTasks workflow tasks executing at once, per task queue's worker
   * @param stickyCacheSize workflows kept in memory between their tasks, for the whole instance
   * @param maxWorkflowThreads threads for cached workflows, for the whole instance; a workflow
   *     needs one while cached, so it should be at least the sticky cache size
   * @param stickyScheduleToStartTimeout how long a workflow's next task waits for the instance that
   *     has it cached before the server hands it to any instance. Zero turns sticky execution off:
   *     every task goes to the shared queue (and replays the history), which Temporal's Java test
   *     server needs when an instance may die, since it never moves a dead worker's sticky tasks
   */
  public record Worker(
      int maxConcurrentActivities,
      int maxConcurrentWorkflowTasks,
      int stickyCacheSize,
      int maxWorkflowThreads,
      Duration stickyScheduleToStartTimeout) {
    public static final Worker SDK_DEFAULTS = new Worker(200, 200, 600, 600, Duration.ofSeconds(5));

    /** The options each feature's worker is created with ({@link TemporalWorkers}). */
    public WorkerOptions options() {
      WorkerOptions.Builder options = WorkerOptions.newBuilder();
      if (maxConcurrentActivities > 0) {
        options.setMaxConcurrentActivityExecutionSize(maxConcurrentActivities);
      }
      if (maxConcurrentWorkflowTasks > 0) {
        options.setMaxConcurrentWorkflowTaskExecutionSize(maxConcurrentWorkflowTasks);
      }
      if (stickyScheduleToStartTimeout != null && !stickyScheduleToStartTimeout.isNegative()) {
        options.setStickyQueueScheduleToStartTimeout(stickyScheduleToStartTimeout);
      }
      return options.build();
    }

    WorkerFactoryOptions factoryOptions() {
      WorkerFactoryOptions.Builder options = WorkerFactoryOptions.newBuilder();
      if (stickyCacheSize > 0) {
        options.setWorkflowCacheSize(stickyCacheSize);
      }
      if (maxWorkflowThreads > 0) {
        options.setMaxWorkflowThreadCount(maxWorkflowThreads);
      }
      return options.build();
    }
  }

  public boolean embedded() {
    return target == null || target.isBlank() || "embedded".equalsIgnoreCase(target.trim());
  }

  public String address() {
    return embedded() ? "127.0.0.1:" + embeddedPort : target.trim();
  }

  /** TLS is on when asked for, and whenever a client certificate or an API key is given. */
  public boolean tlsEnabled() {
    return tls.enabled() || tls.clientCertificate() || present(apiKey);
  }

  /**
   * The workflow's page in the Temporal Web UI, when {@code temporal.ui-url} is set: {@code
   * {ui-url}/namespaces/{namespace}/workflows/{workflowId}}.
   */
  public Optional<String> workflowUiLink(String workflowId) {
    if (!present(uiUrl) || workflowId == null || workflowId.isBlank()) {
      return Optional.empty();
    }
    String base = uiUrl.trim().replaceAll("/+$", "");
    return Optional.of(
        base
            + "/namespaces/"
            + pathSegment(namespace == null || namespace.isBlank() ? "default" : namespace)
            + "/workflows/"
            + pathSegment(workflowId));
  }

  /** URLEncoder encodes for forms; a path segment wants %20, not +, for a space. */
  private static String pathSegment(String value) {
    return URLEncoder.encode(value.trim(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
