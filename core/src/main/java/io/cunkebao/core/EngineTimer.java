package io.cunkebao.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine's seam for time-driven work: dispatch wake-ups, lease renewal, timeouts and
 * interrupts all go through it; no engine thread ever sleeps to wait.
 *
 * <p>Production engines use {@link #of(ScheduledExecutorService)}; tests use {@link
 * io.cunkebao.core.testing.ManualScheduler}, which runs the due work when the test moves the clock.
 */
@FunctionalInterface
public interface EngineTimer {

  /**
   * Runs {@code task} once after {@code delay}. Must not run it on the calling thread.
   *
   * @param task the work; must not block for long
   * @param delay not negative; zero means as soon as possible
   * @return a handle that cancels the run if it has not started
   */
  Cancellable schedule(Runnable task, Duration delay);

  /** A scheduled run that can still be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Calls the run off; does nothing if it already ran. */
    void cancel();
  }

  /**
   * A timer on a scheduled executor, which the caller keeps owning.
   *
   * @param executor the executor
   * @return the timer
   */
  static EngineTimer of(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return (task, delay) -> {
      ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }
}
