package io.cunkebao.core.internal.memory;

import io.cunkebao.api.Progress;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Everything a lease holder does (extend, checkpoint, ack, retry, dead letter, release) and the
 * recovery of expired leases.
 *
 * <p>Every call checks the lease first: the task must be running under exactly this token and
 * fencing token, and the lease must not have expired ({@code now > expiresAt}). An expired lease
 * may be taken over by any claim at any moment, so it is treated as lost at once, and recovered on
 * the spot rather than at the next claim.
 *
 * <p>An attempt's end honours a cancel or pause asked while it ran, except an ack: the work is done.
 */
final class Outcomes {
  private final TaskIndex index;

  Outcomes(TaskIndex index) {
    this.index = index;
  }

  LeaseState extend(Lease lease, Instant newExpiry, Instant now) {
    TaskRecord task = holder(lease, now);
    if (task == null) {
      return LeaseState.LOST;
    }
    index.unplace(task);
    task.run().leaseExpiresAt = newExpiry;
    index.place(task, Slot.RUNNING);
    return task.leaseState();
  }

  LeaseState checkpoint(Lease lease, byte @Nullable [] checkpoint, @Nullable Progress progress, Instant now) {
    TaskRecord task = holder(lease, now);
    if (task == null) {
      return LeaseState.LOST;
    }
    if (checkpoint != null) {
      task.run().checkpoint = checkpoint;
    }
    if (progress != null) {
      task.run().progress = progress;
    }
    task.updatedAt = now;
    return task.leaseState();
  }

  @Nullable TaskStatus ack(Lease lease, Instant now) {
    TaskRecord task = holder(lease, now);
    if (task == null) {
      return null;
    }
    Duration processing = Duration.between(java.util.Objects.requireNonNull(task.run().claimedAt, "claimedAt"), now);
    endAttempt(task);
    task.queue.daily.completed(now, processing);
    return finish(task, TaskStatus.COMPLETED, now);
  }

  @Nullable TaskStatus retry(Lease lease, Instant runAt, String error, Instant now) {
    TaskRecord task = holder(lease, now);
    if (task == null) {
      return null;
    }
    task.run().lastError = error;
    task.queue.daily.failed(now);
    return requeue(task, runAt, now);
  }

  @Nullable TaskStatus deadLetter(Lease lease, String reason, boolean keep, Instant now) {
    TaskRecord task = holder(lease, now);
    if (task == null) {
      return null;
    }
    boolean cancel = task.cancelRequested;
    endAttempt(task);
    task.run().lastError = reason;
    task.queue.daily.failed(now);
    if (cancel) {
      return finish(task, TaskStatus.CANCELLED, now);
    }
    if (!keep) {
      return finish(task, TaskStatus.FAILED, now);
    }
    task.moveTo(TaskStatus.FAILED, now);
    index.place(task, Slot.DEAD);
    return TaskStatus.FAILED;
  }

  @Nullable TaskStatus release(Lease lease, Instant now) {
    TaskRecord task = holder(lease, now);
    if (task == null) {
      return null;
    }
    task.attempts = Math.max(0, task.attempts - 1); // handed back unfinished: this run does not count
    return requeue(task, task.runAt.isAfter(now) ? now : task.runAt, now);
  }

  /** Frees every task whose lease expired before {@code now}; each counts as a failed attempt. */
  void recoverExpiredLeases(Instant now) {
    while (!index.leases.isEmpty() && index.leases.first().leaseExpiredAt(now)) {
      expire(index.leases.first(), now);
    }
  }

  /**
   * The task of a current, unexpired lease; null when the lease is lost. An expired lease found
   * here is recovered at once.
   */
  private @Nullable TaskRecord holder(Lease lease, Instant now) {
    TaskRecord task = index.find(lease.taskId());
    if (task == null || !task.isHeldBy(lease)) {
      return null;
    }
    if (task.leaseExpiredAt(now)) {
      expire(task, now);
      return null;
    }
    return task;
  }

  /** The worker is gone (or too late): pending again, keeping the attempt it used. */
  private void expire(TaskRecord task, Instant now) {
    task.queue.daily.failed(now);
    requeue(task, task.runAt, now);
  }

  /** Ends the attempt and makes the task pending at {@code runAt}, or paused or cancelled as asked. */
  private TaskStatus requeue(TaskRecord task, Instant runAt, Instant now) {
    boolean cancel = task.cancelRequested;
    boolean pause = task.pauseRequested;
    endAttempt(task);
    if (cancel) {
      return finish(task, TaskStatus.CANCELLED, now);
    }
    task.runAt = runAt;
    if (pause) {
      task.moveTo(TaskStatus.PAUSED, now);
      index.place(task, Slot.PAUSED);
      return TaskStatus.PAUSED;
    }
    task.moveTo(TaskStatus.PENDING, now);
    index.placePending(task, now);
    index.markWork();
    return TaskStatus.PENDING;
  }

  /** Takes a running task out of the lease index and frees its resources. */
  private void endAttempt(TaskRecord task) {
    index.unplace(task);
    task.clearLease();
    if (index.resources.release(task)) {
      index.markWork();
    }
  }

  /** Moves a task that left every other slot to a finished status and into retention. */
  TaskStatus finish(TaskRecord task, TaskStatus status, Instant now) {
    task.moveTo(status, now);
    index.place(task, Slot.FINISHED);
    index.housekeeping(now);
    return status;
  }
}
