package com.hirepilot.app.throttle;

import com.hirepilot.app.system.ConditionalOnPostgres;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the rows of buckets that have refilled to full: without it, every address and IP that
 * ever asked would keep a row. Each instance runs it; Bucket4j skips rows another is deleting.
 */
@Component
@ConditionalOnPostgres
class ExpiredBuckets {

  private static final Logger log = LoggerFactory.getLogger(ExpiredBuckets.class);

  /** Rows per statement, so one run never holds many row locks at once. */
  static final int BATCH = 1_000;

  /** Batches per run: up to 10,000 rows a run, and the rest at the next. */
  private static final int MAX_BATCHES = 10;

  private final ProxyManager<String> buckets;

  ExpiredBuckets(ProxyManager<String> buckets) {
    this.buckets = buckets;
  }

  @Scheduled(
      fixedDelayString = "${portal.shared-limits.bucket-cleanup-interval:PT1M}",
      initialDelayString = "${portal.shared-limits.bucket-cleanup-interval:PT1M}")
  void removeExpired() {
    if (!(buckets instanceof ExpiredEntriesCleaner cleaner)) {
      return;
    }
    try {
      for (int i = 0; i < MAX_BATCHES && cleaner.removeExpired(BATCH) == BATCH; i++) {
        // Another full batch: more may be waiting.
      }
    } catch (RuntimeException e) {
      log.warn("Could not delete refilled rate-limit buckets: {}", e.toString());
    }
  }
}
