package com.hirepilot.app.throttle;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.hirepilot.app.system.ConditionalOnPostgres;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bucket store: in memory on the embedded default (one instance), in PostgreSQL when several
 * instances share the database, so a limit counts every instance's requests together.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

  /** Bounded, so a flood of distinct addresses or IPs cannot grow the heap without limit. */
  private static final long MAX_BUCKETS = 200_000;

  /** A bucket operation that takes longer than this fails, rather than hold the request. */
  private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(5);

  /** A bucket that has refilled to full is the same as no bucket: forget it then. */
  private static final ExpirationAfterWriteStrategy FORGET_WHEN_FULL =
      ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO);

  @Bean
  @ConditionalOnPostgres(false)
  @ConditionalOnMissingBean(ProxyManager.class)
  ProxyManager<String> localBuckets() {
    return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(MAX_BUCKETS))
        .expirationAfterWrite(FORGET_WHEN_FULL)
        .build();
  }

  /**
   * Buckets in the {@code rate_limit_bucket} table (migration V12). Select-for-update: a request
   * locks its bucket's row for one short transaction, on a pooled connection of its own, so it must
   * not run while the request holds one; {@link Throttles} is called from filters and services
   * outside any transaction. A refilled bucket's row expires and {@link ExpiredBuckets} deletes it.
   */
  @Bean
  @ConditionalOnPostgres
  @ConditionalOnMissingBean(ProxyManager.class)
  PostgreSQLSelectForUpdateBasedProxyManager<String> sharedBuckets(DataSource dataSource) {
    return inDatabase(dataSource);
  }

  static PostgreSQLSelectForUpdateBasedProxyManager<String> inDatabase(DataSource dataSource) {
    return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("rate_limit_bucket")
        .expirationAfterWrite(FORGET_WHEN_FULL)
        .requestTimeout(DATABASE_TIMEOUT)
        .build();
  }
}
