package io.cunkebao.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A clock that moves only when told to, for tests of the engine and of queue drivers.
 *
 * <p>Thread-safe. Usually driven through {@link ManualScheduler#advance}, which also runs the
 * timers that fall due.
 */
public final class SettableClock implements InstantSource {
  private volatile Instant now;

  /**
   * A clock at the given time.
   *
   * @param start the initial time
   */
  public SettableClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** A clock at 2026-01-05T02:00:00Z, a Monday. */
  public SettableClock() {
    this(Instant.parse("2026-01-05T02:00:00Z"));
  }

  @Override
  public Instant instant() {
    return now;
  }

  /**
   * Moves the clock forward.
   *
   * @param step not negative
   * @return the new time
   */
  public synchronized Instant advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("step must not be negative but was " + step);
    }
    now = now.plus(step);
    return now;
  }

  /**
   * Sets the clock, forward or back (to test clock jumps).
   *
   * @param time the new time
   */
  public synchronized void set(Instant time) {
    now = Objects.requireNonNull(time, "time");
  }

  @Override
  public String toString() {
    return "SettableClock[" + now + "]";
  }
}
