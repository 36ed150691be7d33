package io.cunkebao.core.internal.engine;

import io.cunkebao.api.Progress;
import io.cunkebao.api.StopReason;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import io.cunkebao.core.EngineTimer;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Extends the leases of this engine's running attempts every third of a lease, so a live worker
 * keeps its tasks and a dead one loses them within one lease. The answers also carry cancel and
 * pause requests made on other nodes, and the loss of a lease to another worker.
 */
final class LeaseRenewer {
  private final EngineParts parts;
  private final AttemptRunner runner;
  private final Duration interval;
  private volatile boolean stopped;
  private EngineTimer.@Nullable Cancellable next;

  LeaseRenewer(EngineParts parts, AttemptRunner runner) {
    this.parts = parts;
    this.runner = runner;
    this.interval = parts.config().leaseDuration().dividedBy(3);
  }

  synchronized void start() {
    next = parts.timer().schedule(this::renewAll, interval);
  }

  synchronized void stop() {
    stopped = true;
    if (next != null) {
      next.cancel();
    }
  }

  private void renewAll() {
    try {
      for (RunningAttempt attempt : runner.running()) {
        renew(attempt);
      }
    } catch (Throwable t) {
      parts.listeners().onEngineError("lease-renewal", t);
    } finally {
      synchronized (this) {
        if (!stopped) {
          next = parts.timer().schedule(this::renewAll, interval);
        }
      }
    }
  }

  private void renew(RunningAttempt attempt) {
    if (attempt.outcome.isDone()) {
      return;
    }
    Instant now = parts.clock().instant();
    Lease lease = attempt.lease();
    LeaseState state = parts.driver().extendLease(lease, now.plus(parts.config().leaseDuration()), now);
    if (state != LeaseState.LOST) {
      attempt.leaseExtended(lease.extendedTo(now.plus(parts.config().leaseDuration())));
      Progress progress = attempt.takeDirtyProgress();
      if (progress != null) {
        state = parts.driver().writeCheckpoint(attempt.lease(), null, progress, now);
      }
    }
    StopReason reason = RunningAttempt.stopReasonFor(state);
    if (reason != null) {
      runner.stop(attempt, reason);
    }
  }
}
