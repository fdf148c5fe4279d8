package com.hirepilot.app.system;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: whether the Temporal frontend answers this instance. An instance that cannot
 * reach Temporal can neither start a submission's workflow nor run its activities, so the load
 * balancer should send its requests elsewhere.
 *
 * <p>It asks for the server's system info, the call the SDK itself makes on connecting: it goes
 * through the same TLS, client certificate and API key as every workflow call, so a frontend that
 * answers but refuses this instance's credentials reads as down too, which a bare gRPC health check
 * would not show.
 */
@Component("temporalHealthIndicator")
class TemporalHealth implements HealthIndicator {

  /**
   * Short, so a probe gets its answer well inside a typical probe timeout; a frontend that takes
   * longer than this for its cheapest call is not one to send traffic through.
   */
  static final Duration DEADLINE = Duration.ofSeconds(2);

  private final WorkflowServiceStubs stubs;

  TemporalHealth(WorkflowServiceStubs stubs) {
    this.stubs = stubs;
  }

  @Override
  public Health health() {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return Health.up().build();
    } catch (StatusRuntimeException e) {
      return Health.down().withDetail("status", e.getStatus().getCode().name()).build();
    }
  }
}
