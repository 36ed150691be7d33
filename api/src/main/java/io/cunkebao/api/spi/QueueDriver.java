package io.cunkebao.api.spi;

import io.cunkebao.api.Progress;
import io.cunkebao.api.QueueStats;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A durable queue of tasks and the store of their state. The engine decides (retry, dead letter,
 * timeout); the driver carries each decision out as one atomic step, and takes "now" from the
 * engine as an argument so that a manual clock drives it in tests.
 *
 * <p>Every method is thread-safe and may be called from several engines (nodes) at once when the
 * backend is shared. Methods that change a claimed task take its {@link Lease} and refuse (return
 * empty or {@link LeaseState#LOST}) when the lease is no longer the current one: a worker that
 * lost its lease cannot overwrite the new holder's outcome or checkpoint.
 *
 * <p>Status changes follow {@link io.cunkebao.api.TaskStatus#canTransitionTo}; an operation that
 * would break it throws {@link io.cunkebao.api.IllegalTransitionException}. Operations on unknown
 * ids throw {@link io.cunkebao.api.TaskNotFoundException}. Backend failures surface as {@link
 * io.cunkebao.api.QueueUnavailableException}.
 *
 * <p>The abstract {@code QueueDriverContractTest} in core's test-jar is the executable form of
 * this contract; a new driver passes it before anything else.
 */
public interface QueueDriver extends AutoCloseable {

  /**
   * Stores a task: ready when {@code runAt <= now}, delayed otherwise. Deduplicated on {@link
   * TaskEnvelope#dedupeKey()} within the idempotency window: the same key asking for the same work
   * returns the held task's id with {@code created == false}.
   *
   * @param envelope the task
   * @param now the current time
   * @return the id holding the work and whether it was created
   * @throws io.cunkebao.api.IdempotencyConflictException when the key is held by a task whose
   *     type or payload differ
   */
  EnqueueResult enqueue(TaskEnvelope envelope, Instant now);

  /**
   * Claims up to {@code request.max()} due tasks, atomically: first makes due delayed tasks ready
   * and frees tasks whose lease expired (counting that as an attempt), then takes ready tasks by
   * priority (higher first), then due time, then enqueue order, skipping paused queues and tasks
   * whose resources are at their limit and tasks naming a seat the claimer does not own ({@link
   * ClaimRequest#mayClaim}). A task waiting for a busy resource, or for its seat's owner, never
   * holds up tasks behind it. Each claimed task gets a lease with a fresh token and a
   * larger fencing token, and becomes {@code RUNNING}.
   *
   * @param request what to claim
   * @return the claimed tasks, possibly none
   */
  List<ClaimedTask> claim(ClaimRequest request);

  /**
   * Extends a lease.
   *
   * @param lease the current lease
   * @param newExpiry the new expiry
   * @param now the current time
   * @return the state of the lease; when {@link LeaseState#LOST}, nothing was extended
   */
  LeaseState extendLease(Lease lease, Instant newExpiry, Instant now);

  /**
   * Saves a checkpoint and progress with the task, if the lease still holds.
   *
   * @param lease the current lease
   * @param checkpoint the encoded checkpoint, or null to keep the last one
   * @param progress the progress, or null to keep the last one
   * @param now the current time
   * @return the state of the lease; when {@link LeaseState#LOST}, nothing was written
   */
  LeaseState writeCheckpoint(Lease lease, byte @Nullable [] checkpoint, @Nullable Progress progress, Instant now);

  /**
   * Marks a running task completed and frees its resources.
   *
   * @param lease the current lease
   * @param now the current time
   * @return the new status, or empty when the lease was lost (nothing changed)
   */
  Optional<TaskStatus> ack(Lease lease, Instant now);

  /**
   * Makes a running task pending again at {@code runAt} after a failed attempt (paused instead
   * when a pause was asked for, cancelled when a cancel was).
   *
   * @param lease the current lease
   * @param runAt when to run again
   * @param error the failure, kept as the task's last error
   * @param now the current time
   * @return the new status, or empty when the lease was lost
   */
  Optional<TaskStatus> retryAt(Lease lease, Instant runAt, String error, Instant now);

  /**
   * Fails a running task for good (cancelled instead when a cancel was asked for).
   *
   * @param lease the current lease
   * @param reason why, kept with the task
   * @param keep whether it goes into the dead-letter queue (false: failed, not listed)
   * @param now the current time
   * @return the new status, or empty when the lease was lost
   */
  Optional<TaskStatus> deadLetter(Lease lease, String reason, boolean keep, Instant now);

  /**
   * Hands a running task back unfinished without counting the attempt: pending again (at shutdown),
   * paused when a pause was asked for, cancelled when a cancel was.
   *
   * @param lease the current lease
   * @param now the current time
   * @return the new status, or empty when the lease was lost
   */
  Optional<TaskStatus> release(Lease lease, Instant now);

  /**
   * The stored state of a task.
   *
   * @param id the task
   * @return its state, or empty when unknown or trimmed
   */
  Optional<StoredTask> find(TaskId id);

  /**
   * Cancels a task: pending or paused at once; running by asking its holder (seen at the next
   * lease extension or checkpoint, carried out when the attempt ends).
   *
   * @param id the task
   * @param now the current time
   * @return {@code CANCELLED}, or {@code RUNNING} when the cancel waits for the holder
   */
  TaskStatus cancel(TaskId id, Instant now);

  /**
   * Pauses a task: pending at once; running by asking its holder.
   *
   * @param id the task
   * @param now the current time
   * @return {@code PAUSED}, or {@code RUNNING} when the pause waits for the holder
   */
  TaskStatus pause(TaskId id, Instant now);

  /**
   * Resumes a paused task (due at its run-at time, or now when that passed), or withdraws a pause
   * asked of a running one.
   *
   * @param id the task
   * @param now the current time
   * @return the new status
   */
  TaskStatus resume(TaskId id, Instant now);

  /**
   * Stops claims from a queue (holders see {@link LeaseState#PAUSE_REQUESTED}).
   *
   * @param queue the queue
   */
  void pauseQueue(String queue);

  /**
   * Lets a paused queue be claimed again.
   *
   * @param queue the queue
   */
  void resumeQueue(String queue);

  /**
   * Whether a queue is paused.
   *
   * @param queue the queue
   * @return true when paused
   */
  boolean isQueuePaused(String queue);

  /**
   * Dead-lettered tasks of a queue, oldest first.
   *
   * @param queue the queue
   * @param limit the most to return
   * @return the tasks
   */
  List<StoredTask> deadLetters(String queue, int limit);

  /**
   * Moves a dead-lettered task back to pending, due now, with its attempt count reset.
   *
   * @param id the task
   * @param now the current time
   */
  void replay(TaskId id, Instant now);

  /**
   * Deletes a queue's dead-lettered tasks.
   *
   * @param queue the queue
   * @return how many were deleted
   */
  long purgeDeadLetters(String queue);

  /**
   * Counts for monitoring.
   *
   * @param queues the queues to count
   * @param now the current time (for "today")
   * @return the counts
   */
  QueueStats stats(Collection<String> queues, Instant now);

  /**
   * The optional capability to wake idle workers when work arrives.
   *
   * @return the capability, or empty when the engine must poll
   */
  default Optional<WorkNotifications> workNotifications() {
    return Optional.empty();
  }

  /**
   * The optional capability to keep the engine's schedules and workflow instances beside the
   * queue, shared by every engine on it. Without it the engine keeps them in memory.
   *
   * @return the store, or empty
   */
  default Optional<StateStore> stateStore() {
    return Optional.empty();
  }

  /** Releases the driver's connections and threads. Idempotent. */
  @Override
  void close();
}
