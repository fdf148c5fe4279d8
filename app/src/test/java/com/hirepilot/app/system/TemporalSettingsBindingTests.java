package com.hirepilot.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The {@code temporal.worker.*} settings reach the worker: a second constructor on the record once
 * made Spring skip binding it, and every instance ran with the SDK's defaults whatever was set.
 */
class TemporalSettingsBindingTests {

  @Test
  void everyWorkerSettingBinds() {
    var settings =
        new MapConfigurationPropertySource(
            Map.of(
                "temporal.target", "temporal:7233",
                "temporal.embedded-port", "7233",
                "temporal.namespace", "default",
                "temporal.worker.max-concurrent-activities", "3",
                "temporal.worker.max-concurrent-workflow-tasks", "4",
                "temporal.worker.sticky-cache-size", "5",
                "temporal.worker.max-workflow-threads", "7",
                "temporal.worker.sticky-schedule-to-start-timeout", "PT0S"));
    TemporalProperties.Worker worker =
        new Binder(settings).bind("temporal", TemporalProperties.class).get().worker();
    assertThat(worker).isEqualTo(new TemporalProperties.Worker(3, 4, 5, 7, Duration.ZERO));
    assertThat(worker.factoryOptions().getWorkflowCacheSize()).isEqualTo(5);
    assertThat(worker.factoryOptions().getMaxWorkflowThreadCount()).isEqualTo(7);
    assertThat(worker.options().getStickyQueueScheduleToStartTimeout()).isZero();
  }
}
