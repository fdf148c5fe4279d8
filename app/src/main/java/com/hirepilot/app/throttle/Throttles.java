package com.hirepilot.app.throttle;

import com.hirepilot.app.system.TooManyRequestsException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Takes one request from a bucket; the buckets live in whatever store the app is given. */
@Service
public class Throttles {

  private final ProxyManager<String> buckets;
  private final Map<Throttle, BucketConfiguration> configurations = new EnumMap<>(Throttle.class);

  Throttles(ProxyManager<String> buckets, ThrottleProperties properties) {
    this.buckets = buckets;
    for (Throttle throttle : Throttle.values()) {
      ThrottleProperties.Limit limit = throttle.limitIn(properties);
      configurations.put(
          throttle,
          BucketConfiguration.builder()
              .addLimit(
                  l -> l.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
              .build());
    }
  }

  /**
   * Takes one request for the key.
   *
   * @return empty when allowed, else how long until the next request would be
   */
  public java.util.Optional<Duration> take(Throttle throttle, String key) {
    ConsumptionProbe probe =
        buckets
            .builder()
            .build(bucketId(throttle, key), () -> configurations.get(throttle))
            .tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? java.util.Optional.empty()
        : java.util.Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /**
   * The bucket's ID: the limit's name and a SHA-256 of the key. A key is an email address, an IP or
   * a collaborator ID, and the shared store keeps IDs in a table: hashed, a look at the table (or a
   * backup of it) shows no addresses. Unsalted, it hides them from a reader, not from someone who
   * hashes a list of guesses; a bucket lives no longer than its limit's period anyway.
   */
  static String bucketId(Throttle throttle, String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return throttle.name() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Takes one request for the key, or refuses it with {@link TooManyRequestsException}. */
  public void takeOrRefuse(Throttle throttle, String key, String message) {
    take(throttle, key)
        .ifPresent(
            wait -> {
              throw new TooManyRequestsException(message, wait);
            });
  }
}
