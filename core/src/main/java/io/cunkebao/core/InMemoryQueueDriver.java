package io.cunkebao.core;

import io.cunkebao.api.Progress;
import io.cunkebao.api.QueueStats;
import io.cunkebao.api.QueueUnavailableException;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.StoredTask;
import io.cunkebao.api.spi.TaskEnvelope;
import io.cunkebao.api.spi.WorkNotifications;
import io.cunkebao.core.internal.memory.MemoryQueue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link QueueDriver} that keeps everything in this JVM's memory: the default queue for tests,
 * examples and single-node hosts that accept losing queued work on a restart.
 *
 * <p>Thread-safe; every operation is atomic. Time is never read from a clock: each operation takes
 * {@code now} from the caller, so a {@link io.cunkebao.core.testing.SettableClock} drives it.
 *
 * <pre>{@code
 * QueueDriver queue = new InMemoryQueueDriver(QueueDriverConfig.defaults(ZoneId.of("Asia/Shanghai")));
 * }</pre>
 *
 * <p>Also opened from the URI {@code memory:} through {@link InMemoryQueueDriverProvider}.
 */
public final class InMemoryQueueDriver implements QueueDriver {
  /*
   * Design notes.
   *
   * Locking. One ReentrantLock guards all state (io.cunkebao.core.internal.memory.MemoryQueue and
   * what it holds). Every critical section is O(log n) per task it touches; nothing scans the
   * tasks, so a single lock is not the bottleneck a scan would make it. Work listeners run after
   * the lock is released, so a listener may call back into the driver and a slow listener delays
   * only its caller.
   *
   * Indexes (see TaskIndex). Each task is in exactly one slot:
   *   - ready: per queue, a TreeSet in claim order (priority desc, due time, enqueue sequence);
   *   - delayed: per queue, a TreeSet by (runAt, sequence); a claim first moves the due ones to
   *     ready, each in O(log n);
   *   - running: one TreeSet by (lease expiry, sequence) over all queues; a claim first recovers
   *     the expired ones (the attempt counts, the resources free), because an expired lease may
   *     hold a resource that a task of any queue needs;
   *   - parked: per resource and queue, a TreeSet in claim order (see below);
   *   - paused: counted only; dead letters: per queue, a linked set in dead-lettering order;
   *   - finished: a deque in finishing order, trimmed from its head by count and age, O(1)
   *     amortized per finished task.
   * Counters per queue and slot, and per queue and day, make stats O(queues).
   *
   * Parking. A claim merges the ready sets of its queues in claim order. A task with a resource at
   * its limit is moved onto that resource's parked set (O(log n)) and the claim goes on, so a busy
   * resource never holds up tasks for idle ones and a blocked task is not looked at again on every
   * claim. When the resource frees a slot (ack, retry, dead letter, release, lease expiry), it is
   * put on the "freed" list of each queue with tasks parked on it; the next claim of such a queue
   * merges that parked set with the ready set for as long as the resource has room. Parked sets
   * are kept per queue so that a parked task of a paused queue cannot block another queue's.
   * Limits come with each claim request; a limit raised later lets parked tasks go at the next
   * release of their resource.
   *
   * Leases. A lease is current when its random token and fencing token match the task's and
   * now <= expiresAt. The fencing token is one global counter, so it grows with every claim of
   * each task. A writer whose lease expired is refused even before another claim took the task:
   * any claim may take it at any moment.
   *
   * Idempotency. Explicit keys map to their task while the window is open. Ids deduplicate through
   * the task map; a trimmed or purged task stays in it, hidden, until its window closes. So memory
   * holds every task enqueued within the last window plus every live task: size the window to the
   * enqueue rate.
   *
   * Memory. A delayed task costs about 100 bytes for its record, a HashMap node (id), a TreeMap
   * node (delayed set) and a deque slot (window): roughly 200 bytes beyond the envelope, plus a
   * HashMap node per explicit idempotency key. Payload and checkpoint arrays are kept as given,
   * never copied: callers must not change an array after handing it over.
   */
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryQueueDriver.class);

  private final ReentrantLock lock = new ReentrantLock();
  private final MemoryQueue queue;
  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final WorkNotifications notifications = new Notifications();
  private volatile boolean closed;

  /**
   * An empty in-memory queue.
   *
   * @param config the idempotency window, retention and the zone of "today"; its options are
   *     ignored
   */
  public InMemoryQueueDriver(QueueDriverConfig config) {
    this.queue = new MemoryQueue(Objects.requireNonNull(config, "config"));
  }

  /**
   * An empty in-memory queue with {@link QueueDriverConfig#defaults default settings}.
   *
   * @param zone the zone whose midnight starts "today"
   * @return the driver
   */
  public static InMemoryQueueDriver withDefaults(ZoneId zone) {
    return new InMemoryQueueDriver(QueueDriverConfig.defaults(zone));
  }

  /**
   * How many finished tasks were trimmed by retention (count or age) since the driver started.
   *
   * @return the count
   */
  public long trimmedCount() {
    return locked(queue::trimmedCount);
  }

  @Override
  public EnqueueResult enqueue(TaskEnvelope envelope, Instant now) {
    return locked(() -> queue.enqueue(envelope, now));
  }

  @Override
  public List<ClaimedTask> claim(ClaimRequest request) {
    return locked(() -> queue.claim(request));
  }

  @Override
  public LeaseState extendLease(Lease lease, Instant newExpiry, Instant now) {
    return locked(() -> queue.extendLease(lease, newExpiry, now));
  }

  @Override
  public LeaseState writeCheckpoint(Lease lease, byte @Nullable [] checkpoint, @Nullable Progress progress, Instant now) {
    return locked(() -> queue.writeCheckpoint(lease, checkpoint, progress, now));
  }

  @Override
  public Optional<TaskStatus> ack(Lease lease, Instant now) {
    return locked(() -> queue.ack(lease, now));
  }

  @Override
  public Optional<TaskStatus> retryAt(Lease lease, Instant runAt, String error, Instant now) {
    return locked(() -> queue.retryAt(lease, runAt, error, now));
  }

  @Override
  public Optional<TaskStatus> deadLetter(Lease lease, String reason, boolean keep, Instant now) {
    return locked(() -> queue.deadLetter(lease, reason, keep, now));
  }

  @Override
  public Optional<TaskStatus> release(Lease lease, Instant now) {
    return locked(() -> queue.release(lease, now));
  }

  @Override
  public Optional<StoredTask> find(TaskId id) {
    return locked(() -> queue.find(id));
  }

  @Override
  public TaskStatus cancel(TaskId id, Instant now) {
    return locked(() -> queue.cancel(id, now));
  }

  @Override
  public TaskStatus pause(TaskId id, Instant now) {
    return locked(() -> queue.pause(id, now));
  }

  @Override
  public TaskStatus resume(TaskId id, Instant now) {
    return locked(() -> queue.resume(id, now));
  }

  @Override
  public void pauseQueue(String name) {
    locked(() -> {
      queue.pauseQueue(name);
      return null;
    });
  }

  @Override
  public void resumeQueue(String name) {
    locked(() -> {
      queue.resumeQueue(name);
      return null;
    });
  }

  @Override
  public boolean isQueuePaused(String name) {
    return locked(() -> queue.isQueuePaused(name));
  }

  @Override
  public List<StoredTask> deadLetters(String name, int limit) {
    return locked(() -> queue.deadLetters(name, limit));
  }

  @Override
  public void replay(TaskId id, Instant now) {
    locked(() -> {
      queue.replay(id, now);
      return null;
    });
  }

  @Override
  public long purgeDeadLetters(String name) {
    return locked(() -> queue.purgeDeadLetters(name));
  }

  @Override
  public QueueStats stats(Collection<String> queues, Instant now) {
    return locked(() -> queue.stats(queues, now));
  }

  /**
   * Always present: listeners run on the thread whose operation made work claimable, after the
   * driver's lock is released.
   */
  @Override
  public Optional<WorkNotifications> workNotifications() {
    return Optional.of(notifications);
  }

  /** Marks the driver closed and drops its listeners; later operations throw. Idempotent. */
  @Override
  public void close() {
    closed = true;
    listeners.clear();
  }

  @Override
  public String toString() {
    return "InMemoryQueueDriver[" + (closed ? "closed" : "open") + "]";
  }

  /** Runs an operation under the lock, then tells listeners if it made work claimable. */
  private <T> T locked(Supplier<T> operation) {
    if (closed) {
      throw new QueueUnavailableException("the in-memory queue driver is closed", null);
    }
    T result;
    boolean wake;
    lock.lock();
    try {
      result = operation.get();
    } finally {
      wake = queue.takeWork();
      lock.unlock();
    }
    if (wake) {
      fireWork();
    }
    return result;
  }

  private void fireWork() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // A listener's failure must not fail the queue operation that already happened.
        LOG.warn("work listener {} failed; the queue operation itself succeeded", listener, e);
      }
    }
  }

  private final class Notifications implements WorkNotifications {
    @Override
    public AutoCloseable subscribe(Runnable listener) {
      Objects.requireNonNull(listener, "listener");
      listeners.add(listener);
      return () -> listeners.remove(listener);
    }

    @Override
    public Optional<Instant> nextDueAt(Collection<String> queues, Instant now) {
      return locked(() -> queue.nextDueAt(queues, now));
    }
  }
}
