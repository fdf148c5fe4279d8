package com.hirepilot.app.system;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects to Temporal: the in-process server of the embedded runtime, or an external cluster when
 * {@code temporal.target} names one. Either way this app is the submission workflows' worker.
 */
@Configuration(proxyBeanMethods = false)
public class TemporalConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TemporalConfiguration.class);

  /**
   * The embedded runtime's Temporal server, in real time, on a port Temporal tools on this machine
   * can reach and nobody else can.
   *
   * @param address where it listens: always a loopback address
   */
  record EmbeddedTemporalServer(Closeable server, InetSocketAddress address)
      implements AutoCloseable {

    @Override
    public void close() throws Exception {
      server.close();
    }
  }

  @Bean
  EmbeddedTemporalServer embeddedTemporalServer(TemporalProperties properties) {
    if (!properties.embedded()) {
      return new EmbeddedTemporalServer(() -> {}, null);
    }
    // TestServer.createPortBoundServer listens on every interface, and its gRPC has no
    // authentication: anyone on the network could start, signal or read workflows. The same
    // in-memory services are bound here to loopback only (security.md 28).
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.embeddedPort());
    log.info("Starting the embedded Temporal server on {}", address);
    // true: time skipping locked, so time runs as on a wall clock; reminders must not jump ahead.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(address, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server grpc;
    try {
      grpc = builder.build().start();
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException("Cannot start the embedded Temporal server on " + address, e);
    }
    return new EmbeddedTemporalServer(
        () -> {
          grpc.shutdown();
          try {
            if (!grpc.awaitTermination(5, TimeUnit.SECONDS)) {
              log.warn("The embedded Temporal server did not stop within 5 s");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          services.close();
          grpc.shutdownNow();
        },
        (InetSocketAddress) grpc.getListenSockets().get(0));
  }

  /**
   * The Temporal SDK's own metrics (requests, polls, task latencies, schedule-to-start, sticky
   * cache: all named {@code temporal_*}) go to the app's Micrometer registry and so to {@code
   * /actuator/prometheus}. The scope hands them over every ten seconds, and once more when closed.
   */
  @Bean(destroyMethod = "close")
  Scope temporalMetricsScope(MeterRegistry registry) {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(com.uber.m3.util.Duration.ofSeconds(10));
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(
      TemporalProperties properties, EmbeddedTemporalServer server, Scope temporalMetricsScope) {
    return WorkflowServiceStubs.newConnectedServiceStubs(
        WorkflowServiceStubsOptions.newBuilder(serviceStubsOptions(properties))
            .setMetricsScope(temporalMetricsScope)
            .build(),
        null);
  }

  /**
   * How this app reaches the frontend: the target, TLS (mutual with a client certificate) and the
   * API key. A setting that cannot work stops the start with a message that names it, rather than a
   * gRPC error on the first call.
   */
  static WorkflowServiceStubsOptions serviceStubsOptions(TemporalProperties properties) {
    TemporalProperties.Tls tls = properties.tls();
    boolean apiKey = TemporalProperties.present(properties.apiKey());
    if (properties.embedded() && properties.tlsEnabled()) {
      throw new IllegalStateException(
          "temporal.target is 'embedded', but "
              + (apiKey ? "temporal.api-key (TEMPORAL_API_KEY)" : "temporal.tls.*")
              + " is set: the in-process Temporal server takes plain connections on loopback"
              + " only. Set TEMPORAL_TARGET to the host:port of your Temporal frontend (for"
              + " Temporal Cloud: <namespace>.<account>.tmprl.cloud:7233), or unset the TLS and"
              + " API key settings.");
    }
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(properties.address());
    if (properties.tlsEnabled()) {
      options.setSslContext(sslContext(tls));
      if (TemporalProperties.present(tls.serverName())) {
        String serverName = tls.serverName().trim();
        options.setChannelInitializer(channel -> channel.overrideAuthority(serverName));
      }
    }
    if (apiKey) {
      String key = properties.apiKey().trim();
      options.addApiKey(() -> key);
    }
    return options.build();
  }

  private static SslContext sslContext(TemporalProperties.Tls tls) {
    if (TemporalProperties.present(tls.certFile()) != TemporalProperties.present(tls.keyFile())) {
      throw new IllegalStateException(
          "Mutual TLS to Temporal needs both temporal.tls.cert-file (TEMPORAL_TLS_CERT_FILE) and"
              + " temporal.tls.key-file (TEMPORAL_TLS_KEY_FILE); only one is set.");
    }
    try {
      SimpleSslContextBuilder builder;
      if (tls.clientCertificate()) {
        byte[] cert = readable("temporal.tls.cert-file", "TEMPORAL_TLS_CERT_FILE", tls.certFile());
        byte[] key = readable("temporal.tls.key-file", "TEMPORAL_TLS_KEY_FILE", tls.keyFile());
        builder =
            SimpleSslContextBuilder.forPKCS8(
                new ByteArrayInputStream(cert), new ByteArrayInputStream(key));
      } else {
        builder = SimpleSslContextBuilder.noKeyOrCertChain();
      }
      if (TemporalProperties.present(tls.caFile())) {
        builder.setTrustManager(
            trustManager(readable("temporal.tls.ca-file", "TEMPORAL_TLS_CA_FILE", tls.caFile())));
      }
      return builder.build();
    } catch (SSLException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot set up TLS to Temporal from temporal.tls.* (the certificate must be PEM, the key"
              + " PKCS8 PEM without a password): "
              + e.getMessage(),
          e);
    }
  }

  private static byte[] readable(String property, String variable, String file) {
    Path path = Path.of(file.trim());
    try {
      return Files.readAllBytes(path);
    } catch (IOException | SecurityException e) {
      throw new IllegalStateException(
          "Cannot read " + property + " (" + variable + ") at " + path.toAbsolutePath() + ": " + e,
          e);
    }
  }

  /** Trusts exactly the PEM CA certificates given, as a self-hosted frontend's CA. */
  private static X509TrustManager trustManager(byte[] pem) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    int n = 0;
    for (Certificate ca :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(pem))) {
      store.setCertificateEntry("ca-" + n++, ca);
    }
    if (n == 0) {
      throw new GeneralSecurityException("temporal.tls.ca-file holds no certificate");
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("No X.509 trust manager");
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(properties.namespace()).build());
  }

  /** The one worker factory; each feature adds its workers to it ({@link TemporalWorkers}). */
  @Bean
  WorkerFactory workerFactory(WorkflowClient client, TemporalProperties properties) {
    // The workers report their metrics through the client's stubs, to the same scope; every
    // activity and workflow task logs with its workflow's IDs (TemporalLogContext).
    return WorkerFactory.newInstance(
        client,
        WorkerFactoryOptions.newBuilder(properties.worker().factoryOptions())
            .setWorkerInterceptors(new TemporalLogContext())
            .build());
  }

  /**
   * Workers start before the web server opens its port, so a request never waits on a workflow that
   * no worker serves; they stop after it, once no request can reach them. Spring Boot starts the
   * web server at {@code SmartLifecycle.DEFAULT_PHASE - 2048}, and begins its graceful shutdown at
   * {@code DEFAULT_PHASE - 1024}.
   */
  public static final int WORKERS_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  /** Polls for work before the app takes requests, and stops polling before the database goes. */
  @Bean
  SmartLifecycle temporalWorkers(WorkerFactory factory, List<TemporalWorkers> features) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public int getPhase() {
        return WORKERS_PHASE;
      }

      @Override
      public void start() {
        features.forEach(feature -> feature.register(factory));
        factory.start();
        running = true;
      }

      @Override
      public void stop() {
        factory.shutdown();
        factory.awaitTermination(10, TimeUnit.SECONDS);
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }
}
