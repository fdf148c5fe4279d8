package com.hirepilot.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.testing.TestPorts;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The Temporal part of readiness, against a frontend that is not there. */
class TemporalHealthTests {

  @Test
  void anUnreachableFrontendIsDownWithinTheDeadline() {
    // A free port: nothing listens there.
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + TestPorts.free())
                .build());
    try {
      Instant asked = Instant.now();
      Health health = new TemporalHealth(stubs).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("status", "UNAVAILABLE");
      assertThat(Duration.between(asked, Instant.now()))
          .isLessThan(TemporalHealth.DEADLINE.plusSeconds(1));
    } finally {
      stubs.shutdownNow();
    }
  }
}
