package com.hirepilot.app.system;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(properties.address())
            .setMetricsScope(temporalMetricsScope)
            .build(),
        null);
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(properties.namespace()).build());
  }

  /** The one worker factory; each feature adds its workers to it ({@link TemporalWorkers}). */
  @Bean
  WorkerFactory workerFactory(WorkflowClient client) {
    // The workers report their metrics through the client's stubs, to the same scope.
    return WorkerFactory.newInstance(
        client,
        WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new TemporalLogContext()).build());
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
