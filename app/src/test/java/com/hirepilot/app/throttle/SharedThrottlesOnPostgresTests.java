package com.hirepilot.app.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestRuntime;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Rate limits shared by several instances on PostgreSQL: two instances (each its own connection
 * pool and {@link Throttles}) count one limit together, the table holds no address, and a refilled
 * bucket's row is deleted.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnPostgres.class)
class SharedThrottlesOnPostgresTests {

  /** The shipped link limit per address, and tight ones elsewhere for the expiry check. */
  static final ThrottleProperties SHIPPED_LINK_LIMIT =
      new ThrottleProperties(
          new ThrottleProperties.Limit(5, Duration.ofHours(1)),
          new ThrottleProperties.Limit(30, Duration.ofHours(1)),
          new ThrottleProperties.Limit(30, Duration.ofMinutes(10)),
          new ThrottleProperties.Limit(1, Duration.ofSeconds(5)),
          new ThrottleProperties.Limit(20, Duration.ofMinutes(10)),
          new ThrottleProperties.Limit(10, Duration.ofMinutes(10)));

  @Autowired ProxyManager<String> appBuckets;
  @Autowired JdbcTemplate jdbc;

  final List<HikariDataSource> pools = List.of(pool("instance-a"), pool("instance-b"));

  static HikariDataSource pool(String name) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(TestRuntime.postgres().postgresUrl);
    pool.setUsername("postgres");
    pool.setPassword("");
    pool.setMaximumPoolSize(2);
    pool.setPoolName(name);
    return pool;
  }

  @AfterEach
  void close() {
    pools.forEach(HikariDataSource::close);
  }

  @Test
  void theAppKeepsItsBucketsInPostgres() {
    assertThat(appBuckets).isInstanceOf(PostgreSQLSelectForUpdateBasedProxyManager.class);
  }

  @Test
  void tenLinkRequestsForOneAddressSplitAcrossTwoInstancesLetFiveThrough() {
    Throttles a = new Throttles(ThrottleConfiguration.inDatabase(pools.get(0)), SHIPPED_LINK_LIMIT);
    Throttles b = new Throttles(ThrottleConfiguration.inDatabase(pools.get(1)), SHIPPED_LINK_LIMIT);
    String address = "split-" + UUID.randomUUID() + "@client.test";

    int allowed = 0;
    for (int i = 0; i < 10; i++) {
      Throttles instance = i % 2 == 0 ? a : b;
      if (instance.take(Throttle.LINK_REQUESTS_PER_ADDRESS, address).isEmpty()) {
        allowed++;
      }
    }

    assertThat(allowed).isEqualTo(5);
    // The sixth and later wait for the smooth refill: about twelve minutes for one more.
    assertThat(b.take(Throttle.LINK_REQUESTS_PER_ADDRESS, address))
        .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofMinutes(10)));
    // The row is there, under a hash: the table shows no address.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from rate_limit_bucket where id = ?",
                Long.class,
                Throttles.bucketId(Throttle.LINK_REQUESTS_PER_ADDRESS, address)))
        .isEqualTo(1);
    assertThat(jdbc.queryForList("select id from rate_limit_bucket", String.class))
        .noneMatch(id -> id.contains("@") || id.contains("split-"));
  }

  @Test
  void aBucketThatHasRefilledIsDeleted() throws Exception {
    PostgreSQLSelectForUpdateBasedProxyManager<String> store =
        ThrottleConfiguration.inDatabase(pools.get(0));
    Throttles throttles = new Throttles(store, SHIPPED_LINK_LIMIT);
    String client = "refill-" + UUID.randomUUID();
    String id = Throttles.bucketId(Throttle.COMMENTS_PER_CLIENT, client);

    // One comment per five seconds here: the bucket is empty, and full again five seconds later.
    assertThat(throttles.take(Throttle.COMMENTS_PER_CLIENT, client)).isEmpty();
    store.removeExpired(ExpiredBuckets.BATCH);
    assertThat(rows(id)).as("not yet refilled").isEqualTo(1);

    Thread.sleep(5_500);
    new ExpiredBuckets(store).removeExpired();

    assertThat(rows(id)).isZero();
    assertThat(throttles.take(Throttle.COMMENTS_PER_CLIENT, client)).isEmpty();
  }

  private long rows(String id) {
    return jdbc.queryForObject(
        "select count(*) from rate_limit_bucket where id = ?", Long.class, id);
  }
}
