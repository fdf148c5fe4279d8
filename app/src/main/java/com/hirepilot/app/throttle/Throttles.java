package com.hirepilot.app.throttle;

import com.hirepilot.app.system.TooManyRequestsException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
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
            .build(throttle.name() + ":" + key, () -> configurations.get(throttle))
            .tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? java.util.Optional.empty()
        : java.util.Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
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
