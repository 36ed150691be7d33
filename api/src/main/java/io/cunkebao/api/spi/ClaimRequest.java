package io.cunkebao.api.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param ownedSeats the seats the claimer owns: a task naming a resource of kind {@value
 *     #SEAT_KIND} is claimable only by a claimer that owns that seat (claim affinity: only the
 *     seat's owner has its device session); other claimers pass over it without being held up by it
 */
public record ClaimRequest(
    List<String> queues,
    int max,
    Duration leaseDuration,
    String workerId,
    Map<String, Integer> resourceLimits,
    Instant now,
    Set<String> ownedSeats) {

  /** The resource kind whose tasks go only to the resource's owner: {@value}. */
  public static final String SEAT_KIND = "seat";

  /** Copies the collections and checks the numbers. */
  public ClaimRequest {
    queues = List.copyOf(queues);
    resourceLimits = Map.copyOf(resourceLimits);
    ownedSeats = Set.copyOf(ownedSeats);
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1 but was " + max);
    }
    if (leaseDuration.isNegative() || leaseDuration.isZero()) {
      throw new IllegalArgumentException("leaseDuration must be positive but was " + leaseDuration);
    }
  }

  /**
   * A request from a claimer that owns no seat.
   *
   * @param queues the queues
   * @param max the most tasks
   * @param leaseDuration the lease
   * @param workerId the claimer
   * @param resourceLimits limits per resource kind
   * @param now the current time
   */
  public ClaimRequest(List<String> queues, int max, Duration leaseDuration, String workerId, Map<String, Integer> resourceLimits, Instant now) {
    this(queues, max, leaseDuration, workerId, resourceLimits, now, Set.of());
  }

  /**
   * Whether this claimer may take a task with these resources (claim affinity for seats).
   *
   * @param resources the task's resources
   * @return false when the task names a seat this claimer does not own
   */
  public boolean mayClaim(java.util.Collection<io.cunkebao.api.ResourceKey> resources) {
    for (io.cunkebao.api.ResourceKey key : resources) {
      if (key.kind().equals(SEAT_KIND) && !ownedSeats.contains(key.id())) {
        return false;
      }
    }
    return true;
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
