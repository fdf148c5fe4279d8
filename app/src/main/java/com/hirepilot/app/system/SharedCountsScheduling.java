package com.hirepilot.app.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Spring's {@code @Scheduled} work, on the shared database only: flushing this instance's health
 * counts to the shared table and deleting refilled rate-limit buckets. The embedded default has
 * nothing to flush and schedules nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPostgres
@EnableScheduling
class SharedCountsScheduling {

  /**
   * The scheduler, seen as a {@link TaskScheduler} only. Spring Boot's own (a {@code
   * ThreadPoolTaskScheduler} bean) is also a {@code TaskExecutor} and would make the application's
   * executor, which features inject by type, ambiguous; it steps aside for this one.
   */
  @Bean
  TaskScheduler taskScheduler() {
    return new SchedulerOnly();
  }

  private static final class SchedulerOnly implements TaskScheduler, DisposableBean {
    private final ThreadPoolTaskScheduler pool = new ThreadPoolTaskScheduler();

    SchedulerOnly() {
      pool.setThreadNamePrefix("shared-counts-");
      pool.setDaemon(true);
      pool.initialize();
    }

    @Override
    public Clock getClock() {
      return pool.getClock();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
      return pool.schedule(task, trigger);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
      return pool.schedule(task, startTime);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
        Runnable task, Instant startTime, Duration period) {
      return pool.scheduleAtFixedRate(task, startTime, period);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
      return pool.scheduleAtFixedRate(task, period);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(
        Runnable task, Instant startTime, Duration delay) {
      return pool.scheduleWithFixedDelay(task, startTime, delay);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
      return pool.scheduleWithFixedDelay(task, delay);
    }

    @Override
    public void destroy() {
      pool.shutdown();
    }
  }
}
