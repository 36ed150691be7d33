package io.cunkebao.core.internal.memory;

import io.cunkebao.api.Progress;
import io.cunkebao.api.QueueStats;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.StoredTask;
import io.cunkebao.api.spi.TaskEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory queue's state machine, one method per driver operation. <b>Not thread-safe</b>:
 * {@link io.cunkebao.core.InMemoryQueueDriver} calls it under its lock and notifies listeners
 * after releasing it, when {@link #takeWork()} says so.
 */
public final class MemoryQueue {
  private final TaskIndex index;
  private final Intake intake;
  private final Outcomes outcomes;
  private final Claimer claimer;
  private final Controls controls;

  /**
   * An empty queue.
   *
   * @param config retention, idempotency window and the zone of "today"
   */
  public MemoryQueue(QueueDriverConfig config) {
    this.index = new TaskIndex(config);
    this.intake = new Intake(index);
    this.outcomes = new Outcomes(index);
    this.claimer = new Claimer(index, outcomes);
    this.controls = new Controls(index, outcomes);
  }

  /**
   * Reads and clears whether an operation since the last call may have made work claimable.
   *
   * @return true when idle workers should be woken
   */
  public boolean takeWork() {
    return index.takeWork();
  }

  /**
   * How many finished tasks retention trimmed so far.
   *
   * @return the count
   */
  public long trimmedCount() {
    return index.trimmedCount();
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#enqueue}.
   *
   * @param envelope the task
   * @param now the time
   * @return the result
   */
  public EnqueueResult enqueue(TaskEnvelope envelope, Instant now) {
    return intake.enqueue(envelope, now);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#claim}.
   *
   * @param request the claim
   * @return the claimed tasks
   */
  public List<ClaimedTask> claim(ClaimRequest request) {
    return claimer.claim(request);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#extendLease}.
   *
   * @param lease the lease
   * @param newExpiry the expiry
   * @param now the time
   * @return the lease state
   */
  public LeaseState extendLease(Lease lease, Instant newExpiry, Instant now) {
    return outcomes.extend(lease, newExpiry, now);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#writeCheckpoint}.
   *
   * @param lease the lease
   * @param checkpoint the bytes
   * @param progress the progress
   * @param now the time
   * @return the lease state
   */
  public LeaseState writeCheckpoint(Lease lease, byte @Nullable [] checkpoint, @Nullable Progress progress, Instant now) {
    return outcomes.checkpoint(lease, checkpoint, progress, now);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#ack}.
   *
   * @param lease the lease
   * @param now the time
   * @return the status
   */
  public Optional<TaskStatus> ack(Lease lease, Instant now) {
    return Optional.ofNullable(outcomes.ack(lease, now));
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#retryAt}.
   *
   * @param lease the lease
   * @param runAt when
   * @param error why
   * @param now the time
   * @return the status
   */
  public Optional<TaskStatus> retryAt(Lease lease, Instant runAt, String error, Instant now) {
    return Optional.ofNullable(outcomes.retry(lease, runAt, error, now));
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#deadLetter}.
   *
   * @param lease the lease
   * @param reason why
   * @param keep list it
   * @param now the time
   * @return the status
   */
  public Optional<TaskStatus> deadLetter(Lease lease, String reason, boolean keep, Instant now) {
    return Optional.ofNullable(outcomes.deadLetter(lease, reason, keep, now));
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#release}.
   *
   * @param lease the lease
   * @param now the time
   * @return the status
   */
  public Optional<TaskStatus> release(Lease lease, Instant now) {
    return Optional.ofNullable(outcomes.release(lease, now));
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#find}.
   *
   * @param id the task
   * @return its state
   */
  public Optional<StoredTask> find(TaskId id) {
    return Optional.ofNullable(index.find(id)).map(TaskRecord::toStored);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#cancel}.
   *
   * @param id the task
   * @param now the time
   * @return the status
   */
  public TaskStatus cancel(TaskId id, Instant now) {
    return controls.cancel(id, now);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#pause}.
   *
   * @param id the task
   * @param now the time
   * @return the status
   */
  public TaskStatus pause(TaskId id, Instant now) {
    return controls.pause(id, now);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#resume}.
   *
   * @param id the task
   * @param now the time
   * @return the status
   */
  public TaskStatus resume(TaskId id, Instant now) {
    return controls.resume(id, now);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#pauseQueue}.
   *
   * @param queue the queue
   */
  public void pauseQueue(String queue) {
    controls.pauseQueue(queue);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#resumeQueue}.
   *
   * @param queue the queue
   */
  public void resumeQueue(String queue) {
    controls.resumeQueue(queue);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#isQueuePaused}.
   *
   * @param queue the queue
   * @return whether paused
   */
  public boolean isQueuePaused(String queue) {
    return controls.isQueuePaused(queue);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#deadLetters}.
   *
   * @param queue the queue
   * @param limit the most
   * @return the tasks
   */
  public List<StoredTask> deadLetters(String queue, int limit) {
    return controls.deadLetters(queue, limit);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#replay}.
   *
   * @param id the task
   * @param now the time
   */
  public void replay(TaskId id, Instant now) {
    controls.replay(id, now);
  }

  /**
   * See {@link io.cunkebao.api.spi.QueueDriver#purgeDeadLetters}.
   *
   * @param queue the queue
   * @return how many
   */
  public long purgeDeadLetters(String queue) {
    return controls.purgeDeadLetters(queue);
  }

  /**
   * Counts from the per-queue counters; brings them up to date first (expired leases, due tasks).
   *
   * @param queues the queues
   * @param now the time
   * @return the sums over those queues
   */
  public QueueStats stats(Collection<String> queues, Instant now) {
    outcomes.recoverExpiredLeases(now);
    long pending = 0;
    long delayed = 0;
    long running = 0;
    long paused = 0;
    long dead = 0;
    long completed = 0;
    long failed = 0;
    long nanos = 0;
    for (String name : new LinkedHashSet<>(queues)) {
      QueueState queue = index.existingQueue(name);
      if (queue == null) {
        continue;
      }
      index.promoteDue(queue, now);
      pending += queue.count(Slot.READY) + queue.count(Slot.DELAYED) + queue.count(Slot.PARKED);
      delayed += queue.count(Slot.DELAYED);
      running += queue.count(Slot.RUNNING);
      paused += queue.count(Slot.PAUSED);
      dead += queue.count(Slot.DEAD);
      completed += queue.daily.completedOn(now);
      failed += queue.daily.failedOn(now);
      nanos += queue.daily.processingNanosOn(now);
    }
    Duration average = completed == 0 ? Duration.ZERO : Duration.ofNanos(nanos / completed);
    return new QueueStats(pending, delayed, running, paused, dead, completed, failed, average);
  }

  /**
   * See {@link io.cunkebao.api.spi.WorkNotifications#nextDueAt}: exact for delayed tasks of the
   * given (unpaused) queues; for leases, the earliest expiry over all queues, which at worst wakes a
   * worker early for an empty claim.
   *
   * @param queues the queues
   * @param now the time (unused: the answer may be in the past, meaning "claim now")
   * @return the earliest such time
   */
  public Optional<Instant> nextDueAt(Collection<String> queues, Instant now) {
    Instant earliest = null;
    for (String name : queues) {
      QueueState queue = index.existingQueue(name);
      Instant due = queue == null || queue.paused ? null : queue.nextDelayedDue();
      if (due != null && (earliest == null || due.isBefore(earliest))) {
        earliest = due;
      }
    }
    if (!index.leases.isEmpty()) {
      // Claimable once now > expiresAt, so one nanosecond after it.
      Instant expiry = index.leases.first().leaseExpiry().plusNanos(1);
      if (earliest == null || expiry.isBefore(earliest)) {
        earliest = expiry;
      }
    }
    return Optional.ofNullable(earliest);
  }
}
