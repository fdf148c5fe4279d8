package com.hirepilot.app.system;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.Closeable;
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

  /** The embedded runtime's Temporal server, in real time, on a port Temporal tools can reach. */
  record EmbeddedTemporalServer(Closeable server) implements AutoCloseable {

    @Override
    public void close() throws Exception {
      server.close();
    }
  }

  @Bean
  EmbeddedTemporalServer embeddedTemporalServer(TemporalProperties properties) {
    if (!properties.embedded()) {
      return new EmbeddedTemporalServer(() -> {});
    }
    log.info("Starting the embedded Temporal server on {}", properties.address());
    // true: time runs as on a wall clock; reminders must not be skipped ahead.
    return new EmbeddedTemporalServer(
        TestServer.createPortBoundServer(properties.embeddedPort(), true));
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(
      TemporalProperties properties, EmbeddedTemporalServer server) {
    return WorkflowServiceStubs.newConnectedServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(properties.address()).build(), null);
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(properties.namespace()).build());
  }

  /** The one worker factory; each feature adds its workers to it ({@link TemporalWorkers}). */
  @Bean
  WorkerFactory workerFactory(WorkflowClient client) {
    return WorkerFactory.newInstance(client);
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
