package com.hirepilot.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Readiness covers the database and the Temporal connection as well as the resume of open
 * submissions: an instance behind a load balancer takes traffic only when it can serve it.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class ReadinessTests {

  @Autowired HealthEndpoint health;

  @Test
  void readinessIsUpAndIncludesTheDatabaseAndTemporal() {
    HealthComponent readiness = health.healthForPath("readiness");
    assertThat(readiness).isInstanceOf(CompositeHealth.class);
    assertThat(((CompositeHealth) readiness).getComponents())
        .containsOnlyKeys("readinessState", "submissionWorkflows", "db", "temporal")
        .allSatisfy((name, component) -> assertThat(component.getStatus()).isEqualTo(Status.UP));

    HttpResponse<String> probe =
        new Browser(TestRuntime.h2().origin()).get("/actuator/health/readiness");
    assertThat(probe.statusCode()).isEqualTo(200);
    assertThat(probe.body()).contains("\"status\":\"UP\"");
  }
}
