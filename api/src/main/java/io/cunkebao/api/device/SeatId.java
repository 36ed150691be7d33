package io.cunkebao.api.device;

import io.cunkebao.api.ResourceKey;

/**
 * A seat: a customer-service account of the cloud ({@code accountId} in {@code CmdSignIn}) that
 * holds one signed-in session and speaks for the WeChat accounts assigned to it.
 *
 * <p>Tasks that need a seat name {@link #resourceKey()} among their resources; this is the
 * affinity seam for "one session per seat across nodes": the node that owns the seat's lease is
 * the one that keeps its session open and is given those tasks.
 *
 * @param value the seat's account id at the cloud, as text; 1 to 64 characters without whitespace
 */
public record SeatId(String value) {
  /** The resource kind tasks use for seats: {@value}. */
  public static final String RESOURCE_KIND = "seat";

  /** Checks the value. */
  public SeatId {
    if (value == null || value.isEmpty() || value.length() > 64 || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("seat id must be 1 to 64 characters without whitespace but was '" + value + "'");
    }
  }

  /**
   * A seat id.
   *
   * @param value the seat's account id
   * @return the seat id
   */
  public static SeatId of(String value) {
    return new SeatId(value);
  }

  /** @return the resource key {@code seat:<value>} that tasks needing this seat hold */
  public ResourceKey resourceKey() {
    return ResourceKey.of(RESOURCE_KIND, value);
  }

  /** @return the value */
  @Override
  public String toString() {
    return value;
  }
}
