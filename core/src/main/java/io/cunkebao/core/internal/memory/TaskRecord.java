package io.cunkebao.core.internal.memory;

import io.cunkebao.api.Progress;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import io.cunkebao.api.spi.StoredTask;
import io.cunkebao.api.spi.TaskEnvelope;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one task.
 *
 * <p>Kept deliberately flat (no per-task maps, no boxed numbers) because the in-memory queue may
 * hold millions of delayed tasks: this object is about 100 bytes with compressed references, and
 * the envelope and its payload are referenced, never copied.
 *
 * <p>The comparators read mutable fields ({@link #runAt}, {@link #leaseExpiresAt}); a record must be
 * taken out of an ordered index before those fields change, which {@link TaskIndex} guarantees by
 * moving records only through {@code unplace}/{@code place}.
 */
final class TaskRecord {
  /** Claim order: priority (higher first), then due time, then enqueue order. */
  static final Comparator<TaskRecord> CLAIM_ORDER = (a, b) -> {
    int byPriority = Integer.compare(b.envelope.priority(), a.envelope.priority());
    if (byPriority != 0) {
      return byPriority;
    }
    int byDue = a.runAt.compareTo(b.runAt);
    return byDue != 0 ? byDue : Long.compare(a.seq, b.seq);
  };

  /** Due order of delayed tasks: due time, then enqueue order. */
  static final Comparator<TaskRecord> DUE_ORDER = (a, b) -> {
    int byDue = a.runAt.compareTo(b.runAt);
    return byDue != 0 ? byDue : Long.compare(a.seq, b.seq);
  };

  /** Lease-expiry order of running tasks, then enqueue order. */
  static final Comparator<TaskRecord> LEASE_ORDER = (a, b) -> {
    int byExpiry = a.leaseExpiry().compareTo(b.leaseExpiry());
    return byExpiry != 0 ? byExpiry : Long.compare(a.seq, b.seq);
  };

  final TaskEnvelope envelope;
  final QueueState queue;
  /** Enqueue order; the last tie-breaker of every ordering, which makes them total. */
  final long seq;

  TaskStatus status = TaskStatus.PENDING;
  Slot slot = Slot.NONE;
  int attempts;
  Instant runAt;
  Instant updatedAt;
  /** What only a task that has been claimed needs; null until its first claim. */
  @Nullable RunState run;

  /** Position in its queue's {@link DueHeap} while {@link Slot#DELAYED}, else -1. */
  int heapIndex = -1;

  /** The resource this task waits for while {@link Slot#PARKED}. */
  @Nullable ResourceState parkedOn;

  boolean cancelRequested;
  boolean pauseRequested;
  /**
   * Trimmed or purged, but kept in the task map until its idempotency window closes so that its id
   * still deduplicates; invisible to every query.
   */
  boolean hidden;

  TaskRecord(TaskEnvelope envelope, QueueState queue, long seq, Instant now) {
    this.envelope = envelope;
    this.queue = queue;
    this.seq = seq;
    this.runAt = envelope.runAt();
    this.updatedAt = now;
  }

  TaskId id() {
    return envelope.id();
  }

  /**
   * The seat this task needs, if it names one: only that seat's owner may claim it. Computed, not
   * stored, to keep the per-task footprint small; a task names few resources.
   */
  @Nullable String seat() {
    for (io.cunkebao.api.ResourceKey key : envelope.resources()) {
      if (key.kind().equals(io.cunkebao.api.spi.ClaimRequest.SEAT_KIND)) {
        return key.id();
      }
    }
    return null;
  }

  /**
   * Changes the status, checked against the transition table.
   *
   * @throws io.cunkebao.api.IllegalTransitionException when the table forbids it
   */
  void moveTo(TaskStatus next, Instant now) {
    status.requireTransitionTo(next);
    status = next;
    updatedAt = now;
  }

  /**
   * The lease, error, checkpoint and progress, kept apart because most queued tasks never had a
   * claim: folding these seven fields into one lazily made object saves about 30 bytes on every
   * task that waits (the in-memory queue may hold millions).
   */
  static final class RunState {
    /** The current lease's token; null when not running. */
    @Nullable String leaseToken;
    long fencingToken;
    @Nullable Instant leaseExpiresAt;
    @Nullable Instant claimedAt;
    @Nullable String lastError;
    byte @Nullable [] checkpoint;
    @Nullable Progress progress;
  }

  /** @return the run state, made at the first claim */
  RunState run() {
    RunState state = run;
    if (state == null) {
      state = new RunState();
      run = state;
    }
    return state;
  }

  @Nullable String lastError() {
    return run == null ? null : run.lastError;
  }

  byte @Nullable [] checkpoint() {
    return run == null ? null : run.checkpoint;
  }

  @Nullable Progress progress() {
    return run == null ? null : run.progress;
  }

  /** Whether {@code lease} is this task's current lease (expired or not). */
  boolean isHeldBy(Lease lease) {
    RunState state = run;
    return status == TaskStatus.RUNNING && state != null
        && state.fencingToken == lease.fencingToken()
        && lease.token().equals(state.leaseToken);
  }

  /** Whether the running task's lease has run out: it may be claimed again. */
  boolean leaseExpiredAt(Instant now) {
    RunState state = run;
    return state != null && state.leaseExpiresAt != null && now.isAfter(state.leaseExpiresAt);
  }

  Instant leaseExpiry() {
    return Objects.requireNonNull(run == null ? null : run.leaseExpiresAt, "not running");
  }

  /** What a holder of the current lease is asked to do. */
  LeaseState leaseState() {
    if (cancelRequested) {
      return LeaseState.CANCEL_REQUESTED;
    }
    return pauseRequested || queue.paused ? LeaseState.PAUSE_REQUESTED : LeaseState.ACTIVE;
  }

  /** Forgets everything that belonged to the attempt that just ended. */
  void clearLease() {
    if (run != null) {
      run.leaseToken = null;
      run.leaseExpiresAt = null;
      run.claimedAt = null;
    }
    cancelRequested = false;
    pauseRequested = false;
  }

  StoredTask toStored() {
    return new StoredTask(envelope, status, attempts, runAt, updatedAt, lastError(), checkpoint(), progress(), slot == Slot.DEAD);
  }

  @Override
  public String toString() {
    return "TaskRecord[" + envelope.id() + " " + status + "/" + slot + "]";
  }
}
