package io.cunkebao.api;

import java.time.Duration;

/**
 * How long one attempt may run, and how long the engine waits after asking it to stop before it
 * interrupts the worker thread.
 *
 * <p>At the timeout the engine signals cancellation ({@link TaskContext#isCancelled()}), completes
 * an asynchronous attempt exceptionally, and fails the attempt with the reason "timeout" (the retry
 * policy then decides). A synchronous handler still running {@code interruptGrace} later is
 * interrupted.
 *
 * @param timeout the longest an attempt may run; positive
 * @param interruptGrace the wait between the stop signal and the interrupt; not negative
 */
public record TimeoutPolicy(Duration timeout, Duration interruptGrace) {
  /** The seed's timeout of one attempt: 300 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
  /** The default wait before interrupting: 10 seconds. */
  public static final Duration DEFAULT_INTERRUPT_GRACE = Duration.ofSeconds(10);

  /** Checks both durations. */
  public TimeoutPolicy {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
    if (interruptGrace == null || interruptGrace.isNegative()) {
      throw new IllegalArgumentException("interruptGrace must not be negative but was " + interruptGrace);
    }
  }

  /**
   * A timeout with the default grace.
   *
   * @param timeout the longest an attempt may run
   * @return the policy
   */
  public static TimeoutPolicy of(Duration timeout) {
    return new TimeoutPolicy(timeout, DEFAULT_INTERRUPT_GRACE);
  }

  /** @return the seed's 300 s with a 10 s grace */
  public static TimeoutPolicy seedDefault() {
    return new TimeoutPolicy(DEFAULT_TIMEOUT, DEFAULT_INTERRUPT_GRACE);
  }
}
