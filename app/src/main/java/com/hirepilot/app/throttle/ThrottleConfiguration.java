package com.hirepilot.app.throttle;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bucket store. In memory fits one node; a deployment with several nodes declares its own
 * {@code ProxyManager<String>} bean (for example Bucket4j's PostgreSQL one) and this one steps
 * aside.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

  /** Bounded, so a flood of distinct addresses or IPs cannot grow the heap without limit. */
  private static final long MAX_BUCKETS = 200_000;

  @Bean
  @ConditionalOnMissingBean(ProxyManager.class)
  ProxyManager<String> localBuckets() {
    return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(MAX_BUCKETS))
        // A bucket that has refilled to full is the same as no bucket: forget it then.
        .expirationAfterWrite(
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
        .build();
  }
}
