package io.cunkebao.api;

import java.time.Duration;

/**
 * A running engine: a {@link TaskClient} that also claims and runs tasks. Made by the core
 * module's builder ({@code io.cunkebao.core.Schedulers.builder()}).
 *
 * <p>Lifecycle: {@link #start()} begins claiming; {@link #close()} (or {@link #shutdown}) stops
 * claiming, waits for running attempts up to the shutdown timeout, asks the rest to stop and hands
 * them back to the queue unfinished, then releases what the engine created.
 */
public interface TaskScheduler extends TaskClient, AutoCloseable {

  /**
   * Starts claiming and running tasks. Calling it twice fails.
   *
   * @throws IllegalStateException when already started or closed
   */
  void start();

  /**
   * Shuts down gracefully, waiting at most {@code maxWait} for running attempts.
   *
   * @param maxWait the longest wait for running attempts
   * @return true when every attempt finished in time, false when some were handed back
   */
  boolean shutdown(Duration maxWait);

  /** Shuts down with the configured shutdown timeout. Idempotent. */
  @Override
  void close();
}
