package io.cunkebao.api.spi;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings the engine hands a driver when it opens one from a URI.
 *
 * @param idempotencyWindow how long an idempotency key deduplicates
 * @param completedRetention how many finished (completed, failed outside the dead-letter queue,
 *     cancelled) tasks the driver keeps for status queries; older ones are trimmed and counted
 * @param completedMaxAge how long finished tasks are kept at most
 * @param zone the zone whose midnight starts "today" for the daily counters
 * @param options driver-specific options (from the URI's query, for instance)
 */
public record QueueDriverConfig(
    Duration idempotencyWindow,
    int completedRetention,
    Duration completedMaxAge,
    ZoneId zone,
    Map<String, String> options) {
  /** Default idempotency window: 24 hours. */
  public static final Duration DEFAULT_IDEMPOTENCY_WINDOW = Duration.ofHours(24);
  /** Default number of finished tasks kept: 10,000. */
  public static final int DEFAULT_COMPLETED_RETENTION = 10_000;
  /** Default age of finished tasks kept: 24 hours. */
  public static final Duration DEFAULT_COMPLETED_MAX_AGE = Duration.ofHours(24);

  /** Checks the values. */
  public QueueDriverConfig {
    Objects.requireNonNull(zone, "zone");
    if (idempotencyWindow.isNegative()) {
      throw new IllegalArgumentException("idempotencyWindow must not be negative but was " + idempotencyWindow);
    }
    if (completedRetention < 0) {
      throw new IllegalArgumentException("completedRetention must not be negative but was " + completedRetention);
    }
    if (completedMaxAge.isNegative()) {
      throw new IllegalArgumentException("completedMaxAge must not be negative but was " + completedMaxAge);
    }
    options = Map.copyOf(options);
  }

  /**
   * The defaults, in the given zone.
   *
   * @param zone the zone of "today"
   * @return the config
   */
  public static QueueDriverConfig defaults(ZoneId zone) {
    return new QueueDriverConfig(DEFAULT_IDEMPOTENCY_WINDOW, DEFAULT_COMPLETED_RETENTION, DEFAULT_COMPLETED_MAX_AGE, zone, Map.of());
  }

  /**
   * A driver option.
   *
   * @param name the option's name
   * @return its value, if set
   */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }
}
