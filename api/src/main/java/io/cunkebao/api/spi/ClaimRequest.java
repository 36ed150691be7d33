package io.cunkebao.api.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a claim asks for.
 *
 * @param queues the queues to claim from; paused queues are skipped
 * @param max the most tasks to claim, at least 1
 * @param leaseDuration how long each lease lasts before the task may be claimed again
 * @param workerId the claiming engine's id
 * @param resourceLimits the most running tasks per resource, by resource kind; kinds not named
 *     are unlimited
 * @param now the current time, from the engine's clock
 */
public record ClaimRequest(
    List<String> queues,
    int max,
    Duration leaseDuration,
    String workerId,
    Map<String, Integer> resourceLimits,
    Instant now) {

  /** Copies the collections and checks the numbers. */
  public ClaimRequest {
    queues = List.copyOf(queues);
    resourceLimits = Map.copyOf(resourceLimits);
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1 but was " + max);
    }
    if (leaseDuration.isNegative() || leaseDuration.isZero()) {
      throw new IllegalArgumentException("leaseDuration must be positive but was " + leaseDuration);
    }
  }

  /**
   * The limit for a resource kind.
   *
   * @param kind the resource kind
   * @return the limit, or {@link Integer#MAX_VALUE} when unlimited
   */
  public int limitFor(String kind) {
    return resourceLimits.getOrDefault(kind, Integer.MAX_VALUE);
  }
}
