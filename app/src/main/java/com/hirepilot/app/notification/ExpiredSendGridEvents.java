package com.hirepilot.app.notification;

import com.hirepilot.app.system.ConditionalOnPostgres;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets SendGrid event IDs after a week. They guard against a batch applied twice: SendGrid posts
 * a batch again when our answer did not reach it, for up to 24 hours, and a signature older than 10
 * minutes is refused anyway, so a week is ample. Each instance runs it; deleting the same rows
 * twice is harmless. Like the other clean-ups, it is scheduled on the shared database only (see
 * {@code SharedCountsScheduling}).
 */
@Component
@ConditionalOnPostgres
class ExpiredSendGridEvents {

  private static final Logger log = LoggerFactory.getLogger(ExpiredSendGridEvents.class);

  static final Duration KEPT_FOR = Duration.ofDays(7);

  /** Rows per statement, so one run never holds many row locks at once. */
  static final int BATCH = 1_000;

  /** Batches per run: up to 10,000 rows a run, and the rest at the next. */
  private static final int MAX_BATCHES = 10;

  private final SendGridEvents events;
  private final Clock clock;

  ExpiredSendGridEvents(SendGridEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void forgetExpired() {
    try {
      var cutoff = clock.instant().minus(KEPT_FOR);
      for (int i = 0; i < MAX_BATCHES && events.forgetBefore(cutoff, BATCH) == BATCH; i++) {
        // Another full batch: more may be waiting.
      }
    } catch (RuntimeException e) {
      log.warn("Could not delete old SendGrid event IDs: {}", e.toString());
    }
  }
}
