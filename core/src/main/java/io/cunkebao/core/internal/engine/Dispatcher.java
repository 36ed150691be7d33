package io.cunkebao.core.internal.engine;

import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.WorkNotifications;
import io.cunkebao.core.EngineTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Claims tasks while the engine has free concurrency and starts them.
 *
 * <p>Dispatch runs on the timer, never in a loop that sleeps: it is woken by the driver's work
 * notifications, by finished attempts, and by a timer set to the next due time or the poll
 * interval, whichever is sooner. Wake-ups coalesce, so a burst of enqueues costs one dispatch.
 *
 * <p>A finished attempt dispatches at once on its own worker thread (no hop to the timer thread
 * per task). Only one dispatch runs at a time, whatever thread asks: a request that finds one
 * running makes it go round once more, so no request is lost and the concurrency limit holds even
 * on a multi-threaded timer.
 */
final class Dispatcher {
  private final EngineParts parts;
  private final AttemptRunner runner;
  private final AtomicBoolean wakeScheduled = new AtomicBoolean();
  /** Held by the one dispatch running; not a lock, so a dispatch nested on the same thread defers. */
  private final AtomicBoolean dispatching = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private final Optional<WorkNotifications> notifications;
  private volatile boolean stopped = true;
  private EngineTimer.@Nullable Cancellable timedWake;
  private @Nullable Instant timedWakeAt;

  Dispatcher(EngineParts parts, AttemptRunnerFactory runnerFactory) {
    this.parts = parts;
    this.runner = runnerFactory.create(this::attemptFinished);
    this.notifications = parts.driver().workNotifications();
  }

  /** Builds the runner with the dispatcher's completion callback (the two point at each other). */
  @FunctionalInterface
  interface AttemptRunnerFactory {
    AttemptRunner create(Runnable onFinished);
  }

  AttemptRunner runner() {
    return runner;
  }

  void start() {
    stopped = false;
    wake();
  }

  /** Stops claiming; running attempts go on. */
  void stop() {
    stopped = true;
    synchronized (this) {
      if (timedWake != null) {
        timedWake.cancel();
      }
    }
    if (inFlight.get() == 0) {
      drained.complete(null);
    }
  }

  /** @return a future that completes once the dispatcher is stopped and nothing runs */
  CompletableFuture<Void> drained() {
    return drained;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Asks for a dispatch soon; cheap and safe from any thread. */
  void wake() {
    if (!stopped && wakeScheduled.compareAndSet(false, true)) {
      parts.timer().schedule(this::dispatch, Duration.ZERO);
    }
  }

  private void attemptFinished() {
    if (inFlight.decrementAndGet() == 0 && stopped) {
      drained.complete(null);
    }
    if (!stopped) {
      dispatchNow();
    }
  }

  private void dispatch() {
    wakeScheduled.set(false);
    dispatchNow();
  }

  /** Dispatches on this thread, or has the dispatch already running go round once more. */
  private void dispatchNow() {
    again.set(true);
    // Re-checked after each release: a request made while the holder was finishing is not lost.
    while (again.get() && dispatching.compareAndSet(false, true)) {
      try {
        again.set(false);
        dispatchOnce();
      } finally {
        dispatching.set(false);
      }
    }
  }

  private void dispatchOnce() {
    try {
      int free;
      while (!stopped && (free = parts.config().maxConcurrency() - inFlight.get()) > 0) {
        List<ClaimedTask> claimed = parts.driver().claim(claimRequest(free));
        for (ClaimedTask task : claimed) {
          inFlight.incrementAndGet();
          runner.start(task);
        }
        if (claimed.size() < free) {
          break;
        }
      }
      if (inFlight.get() < parts.config().maxConcurrency()) {
        // With every slot busy, a finishing attempt wakes the dispatcher anyway: asking the queue
        // for its next due time then would be a wasted round trip (one per task on Redis).
        scheduleTimedWake(null);
      }
    } catch (Throwable t) {
      parts.listeners().onEngineError("dispatch", t);
      scheduleTimedWake(parts.clock().instant().plus(parts.config().pollInterval()));
    }
  }

  private ClaimRequest claimRequest(int max) {
    java.util.Set<String> seats = new java.util.HashSet<>();
    parts.devices().ownedSeats().forEach(seat -> seats.add(seat.value()));
    return new ClaimRequest(parts.config().queues(), max, parts.config().leaseDuration(),
        parts.config().workerId(), parts.config().resourceLimits(), parts.clock().instant(), seats);
  }

  /** Sets the timer for the next due task or the poll interval, keeping an earlier one. */
  private void scheduleTimedWake(@Nullable Instant at) {
    if (stopped) {
      return;
    }
    Instant now = parts.clock().instant();
    Instant poll = now.plus(parts.config().pollInterval());
    Instant due = at != null ? at : notifications.flatMap(n -> n.nextDueAt(parts.config().queues(), now)).orElse(poll);
    Instant wakeAt = due.isBefore(poll) ? due : poll;
    synchronized (this) {
      if (timedWakeAt != null && !timedWakeAt.isAfter(wakeAt) && timedWakeAt.isAfter(now)) {
        return;
      }
      if (timedWake != null) {
        timedWake.cancel();
      }
      timedWakeAt = wakeAt;
      Duration delay = Duration.between(now, wakeAt);
      timedWake = parts.timer().schedule(this::wake, delay.isNegative() ? Duration.ZERO : delay);
    }
  }
}
