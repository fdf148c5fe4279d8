package com.hirepilot.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.GrpcMetadataProvider;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the app connects to an external Temporal frontend: mutual TLS from PEM files, an API key as
 * Temporal Cloud takes it, and the settings that cannot work stopping the start. The frontends here
 * are the Temporal test server's services behind a real TLS listener on loopback (the fixtures in
 * {@code temporal-tls/} are a test CA, a server and a client certificate, made with openssl);
 * Temporal Cloud itself is not reachable from this build.
 */
class TemporalConnectionTests {

  private static final Path TLS = fixtures();

  private final List<AutoCloseable> opened = new java.util.ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void aClientCertificateAndKeyMakeMutualTlsThatAFrontendRequiringClientCertificatesAccepts() {
    Frontend frontend = frontend(ClientAuth.REQUIRE);
    WorkflowServiceStubsOptions options =
        TemporalConfiguration.serviceStubsOptions(
            external(
                frontend.target(),
                null,
                new TemporalProperties.Tls(
                    false, file("client.pem"), file("client.key"), file("ca.pem"), null)));
    assertThat(options.getSslContext()).as("TLS is on without temporal.tls.enabled").isNotNull();
    assertThat(options.getSslContext().isClient()).isTrue();

    assertThat(systemInfo(options)).as("the frontend took the client certificate").isTrue();
  }

  @Test
  void withoutAClientCertificateThatFrontendRefusesTheConnection() {
    Frontend frontend = frontend(ClientAuth.REQUIRE);
    WorkflowServiceStubsOptions options =
        TemporalConfiguration.serviceStubsOptions(
            external(
                frontend.target(),
                null,
                new TemporalProperties.Tls(true, null, null, file("ca.pem"), null)));

    assertThat(systemInfo(options)).isFalse();
  }

  @Test
  void theServerNameChecksTheFrontendsCertificateUnderThatName() {
    Frontend frontend = frontend(ClientAuth.NONE);
    // 127.0.0.1 is on the certificate too; the name is what a load balancer's address would lack.
    TemporalProperties.Tls named =
        new TemporalProperties.Tls(true, null, null, file("ca.pem"), "server.temporal.test");
    assertThat(
            systemInfo(
                TemporalConfiguration.serviceStubsOptions(
                    external(frontend.target(), null, named))))
        .isTrue();
    TemporalProperties.Tls wrong =
        new TemporalProperties.Tls(true, null, null, file("ca.pem"), "elsewhere.temporal.test");
    assertThat(
            systemInfo(
                TemporalConfiguration.serviceStubsOptions(
                    external(frontend.target(), null, wrong))))
        .as("a certificate not issued to the expected name is refused")
        .isFalse();
  }

  @Test
  void anApiKeyTurnsTlsOnAndGoesAsABearerTokenOnEveryCall() throws Exception {
    Frontend frontend = frontend(ClientAuth.NONE);
    WorkflowServiceStubsOptions options =
        TemporalConfiguration.serviceStubsOptions(
            external(
                frontend.target(),
                "cloud-api-key-123",
                new TemporalProperties.Tls(false, null, null, file("ca.pem"), null)));
    assertThat(options.getSslContext()).as("an API key implies TLS").isNotNull();
    Metadata headers = new Metadata();
    for (GrpcMetadataProvider provider : options.getGrpcMetadataProviders()) {
      headers.merge(provider.getMetadata());
    }
    assertThat(headers.get(AUTHORIZATION)).isEqualTo("Bearer cloud-api-key-123");

    assertThat(systemInfo(options)).isTrue();
    assertThat(frontend.authorizations()).contains("Bearer cloud-api-key-123");
  }

  @Test
  void anApiKeyAloneTrustsTheJvmsCertificateAuthoritiesAsTemporalCloudNeeds() {
    WorkflowServiceStubsOptions options =
        TemporalConfiguration.serviceStubsOptions(
            external("ns.acct.tmprl.cloud:7233", "key", null));
    assertThat(options.getSslContext()).isNotNull();
    assertThat(options.getTarget()).isEqualTo("ns.acct.tmprl.cloud:7233");
  }

  @Test
  void theEmbeddedServerWithTlsOrAnApiKeyStopsTheStartWithAMessageThatSaysWhatToDo() {
    assertThatThrownBy(
            () ->
                TemporalConfiguration.serviceStubsOptions(
                    new TemporalProperties("embedded", 7233, "default", "key", null, null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("temporal.target is 'embedded'")
        .hasMessageContaining("TEMPORAL_API_KEY")
        .hasMessageContaining("TEMPORAL_TARGET");
    assertThatThrownBy(
            () ->
                TemporalConfiguration.serviceStubsOptions(
                    new TemporalProperties(
                        "embedded",
                        7233,
                        "default",
                        null,
                        new TemporalProperties.Tls(true, null, null, null, null),
                        null,
                        null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("temporal.tls.*");
  }

  @Test
  void anUnreadableOrHalfGivenCertificateStopsTheStartNamingTheSetting() {
    String missing = "/nonexistent/temporal/client.pem";
    assertThatThrownBy(
            () ->
                TemporalConfiguration.serviceStubsOptions(
                    external(
                        "temporal.example:7233",
                        null,
                        new TemporalProperties.Tls(
                            false, missing, file("client.key"), null, null))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TEMPORAL_TLS_CERT_FILE")
        .hasMessageContaining(missing);
    assertThatThrownBy(
            () ->
                TemporalConfiguration.serviceStubsOptions(
                    external(
                        "temporal.example:7233",
                        null,
                        new TemporalProperties.Tls(false, file("client.pem"), null, null, null))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TEMPORAL_TLS_KEY_FILE");
    assertThatThrownBy(
            () ->
                TemporalConfiguration.serviceStubsOptions(
                    external(
                        "temporal.example:7233",
                        null,
                        // A certificate where the key belongs.
                        new TemporalProperties.Tls(
                            false, file("client.pem"), file("ca.pem"), null, null))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot set up TLS to Temporal");
  }

  @Test
  void plainConnectionsStayPlain() {
    WorkflowServiceStubsOptions options =
        TemporalConfiguration.serviceStubsOptions(
            new TemporalProperties("temporal:7233", 7233, "default"));
    assertThat(options.getSslContext()).isNull();
    assertThat(options.getEnableHttps()).isFalse();
    assertThat(options.getGrpcMetadataProviders()).isNullOrEmpty();
  }

  @Test
  void workerSettingsReachTheWorkerAndTheFactory() {
    TemporalProperties.Worker worker =
        new TemporalProperties.Worker(7, 9, 50, 60, java.time.Duration.ZERO);
    WorkerOptions options = worker.options();
    assertThat(options.getStickyQueueScheduleToStartTimeout()).isZero();
    assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(7);
    assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(9);
    WorkerFactoryOptions factory = worker.factoryOptions();
    assertThat(factory.getWorkflowCacheSize()).isEqualTo(50);
    assertThat(factory.getMaxWorkflowThreadCount()).isEqualTo(60);
  }

  @Test
  void theShippedWorkerDefaultsAreTheSdksOwn() {
    WorkerOptions sdk = WorkerOptions.newBuilder().validateAndBuildWithDefaults();
    WorkerOptions ours =
        WorkerOptions.newBuilder(TemporalProperties.Worker.SDK_DEFAULTS.options())
            .validateAndBuildWithDefaults();
    assertThat(ours.getMaxConcurrentActivityExecutionSize())
        .isEqualTo(sdk.getMaxConcurrentActivityExecutionSize());
    assertThat(ours.getMaxConcurrentWorkflowTaskExecutionSize())
        .isEqualTo(sdk.getMaxConcurrentWorkflowTaskExecutionSize());
    WorkerFactoryOptions sdkFactory =
        WorkerFactoryOptions.newBuilder().validateAndBuildWithDefaults();
    WorkerFactoryOptions ourFactory =
        WorkerFactoryOptions.newBuilder(TemporalProperties.Worker.SDK_DEFAULTS.factoryOptions())
            .validateAndBuildWithDefaults();
    assertThat(ourFactory.getWorkflowCacheSize()).isEqualTo(sdkFactory.getWorkflowCacheSize());
    assertThat(ourFactory.getMaxWorkflowThreadCount())
        .isEqualTo(sdkFactory.getMaxWorkflowThreadCount());
  }

  @Test
  void theWebUiLinkNamesTheNamespaceAndTheWorkflowEncoded() {
    TemporalProperties properties =
        new TemporalProperties(
            "embedded", 7233, "ns.acct", null, null, null, "https://cloud.temporal.io/");
    assertThat(properties.workflowUiLink("submission-abc"))
        .contains("https://cloud.temporal.io/namespaces/ns.acct/workflows/submission-abc");
    assertThat(properties.workflowUiLink("a b/c?d"))
        .contains("https://cloud.temporal.io/namespaces/ns.acct/workflows/a%20b%2Fc%3Fd");
    assertThat(new TemporalProperties("embedded", 7233, "default").workflowUiLink("x")).isEmpty();
    assertThat(
            new TemporalProperties("embedded", 7233, "default", null, null, null, " ")
                .workflowUiLink("x"))
        .isEmpty();
  }

  // ---- a TLS frontend on loopback ----

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  record Frontend(String target, Queue<String> authorizations) {}

  private Frontend frontend(ClientAuth clientAuth) {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    Queue<String> authorizations = new ConcurrentLinkedQueue<>();
    ServerInterceptor recordAuthorization =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String value = headers.get(AUTHORIZATION);
            if (value != null) {
              authorizations.add(value);
            }
            return next.startCall(call, headers);
          }
        };
    try {
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .sslContext(
                  GrpcSslContexts.forServer(
                          new File(file("server.pem")), new File(file("server.key")))
                      .trustManager(new File(file("ca.pem")))
                      .clientAuth(clientAuth)
                      .build());
      services
          .getServices()
          .forEach(
              service ->
                  builder.addService(ServerInterceptors.intercept(service, recordAuthorization)));
      Server server = builder.build().start();
      opened.add(services);
      opened.add(
          () -> {
            server.shutdownNow();
            server.awaitTermination(5, TimeUnit.SECONDS);
          });
      int port = ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
      return new Frontend("127.0.0.1:" + port, authorizations);
    } catch (Exception e) {
      services.close();
      throw new IllegalStateException(e);
    }
  }

  /** Whether the frontend answered a call made with these options. */
  private boolean systemInfo(WorkflowServiceStubsOptions options) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(options);
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (StatusRuntimeException e) {
      return false;
    } finally {
      stubs.shutdownNow();
    }
  }

  private static TemporalProperties external(
      String target, String apiKey, TemporalProperties.Tls tls) {
    return new TemporalProperties(target, 0, "default", apiKey, tls, null, null);
  }

  private static String file(String name) {
    return TLS.resolve(name).toString();
  }

  private static Path fixtures() {
    try {
      return Path.of(TemporalConnectionTests.class.getResource("/temporal-tls/ca.pem").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
