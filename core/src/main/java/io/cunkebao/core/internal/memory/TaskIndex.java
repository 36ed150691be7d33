package io.cunkebao.core.internal.memory;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskNotFoundException;
import io.cunkebao.api.spi.QueueDriverConfig;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Owns every index of the in-memory driver and is the only place that moves a task between them.
 *
 * <p>A task is in exactly one {@link Slot}; {@link #place} and {@link #unplace} add it to and take
 * it out of that slot's index and keep the per-queue count of each slot, so statistics are O(1)
 * and no operation ever scans the tasks. Every move is O(log n).
 *
 * <p>It also collects whether an operation made work claimable ({@link #markWork}), which the
 * driver reads once the lock is released to notify idle workers.
 */
final class TaskIndex {
  final Map<TaskId, TaskRecord> tasks = new HashMap<>();
  final Map<String, QueueState> queues = new HashMap<>();
  /** Running tasks by lease expiry, across all queues: expired leases hold resources that any queue may need. */
  final TreeSet<TaskRecord> leases = new TreeSet<>(TaskRecord.LEASE_ORDER);
  final ResourceTable resources = new ResourceTable();
  final Retention retention;
  final DedupeIndex dedupe;
  private final ZoneId zone;
  private long nextSeq;
  private long nextFencingToken;
  private boolean work;

  TaskIndex(QueueDriverConfig config) {
    this.zone = config.zone();
    this.retention = new Retention(config.completedRetention(), config.completedMaxAge());
    this.dedupe = new DedupeIndex(config.idempotencyWindow());
  }

  /** Reads and clears the "work may have become claimable" flag. */
  boolean takeWork() {
    boolean result = work;
    work = false;
    return result;
  }

  long trimmedCount() {
    return retention.trimmedCount();
  }

  void markWork() {
    work = true;
  }

  long nextSeq() {
    return nextSeq++;
  }

  /** A global counter: it grows with every claim, so also with every claim of one task. */
  long nextFencingToken() {
    return ++nextFencingToken;
  }

  QueueState queue(String name) {
    return queues.computeIfAbsent(name, n -> new QueueState(n, zone));
  }

  @Nullable QueueState existingQueue(String name) {
    return queues.get(name);
  }

  /** @return the visible task, or null when unknown, trimmed or purged */
  @Nullable TaskRecord find(TaskId id) {
    TaskRecord task = tasks.get(id);
    return task == null || task.hidden ? null : task;
  }

  TaskRecord require(TaskId id) {
    TaskRecord task = find(id);
    if (task == null) {
      throw new TaskNotFoundException(id);
    }
    return task;
  }

  void add(TaskRecord task) {
    tasks.put(task.id(), task);
    dedupe.add(task);
  }

  /** Puts a pending task into the ready or the delayed set, by its due time. */
  void placePending(TaskRecord task, Instant now) {
    place(task, task.runAt.isAfter(now) ? Slot.DELAYED : Slot.READY);
  }

  void place(TaskRecord task, Slot slot) {
    if (task.slot != Slot.NONE) {
      throw new IllegalStateException(task + " placed in " + slot + " without leaving its slot");
    }
    switch (slot) {
      case READY -> task.queue.readySetOf(task).add(task);
      case DELAYED -> task.queue.delayed.add(task);
      case RUNNING -> leases.add(task);
      case DEAD -> task.queue.deadLetters.add(task);
      case FINISHED -> retention.added(task);
      case PAUSED, NONE -> { }
      case PARKED -> throw new IllegalArgumentException("park with park()");
    }
    task.slot = slot;
    task.queue.count(slot, 1);
  }

  /** Moves a due task from a ready or parked set onto the parked set of the resource that is full. */
  void park(TaskRecord task, ResourceState blocker) {
    unplace(task);
    blocker.park(task);
    task.parkedOn = blocker;
    task.slot = Slot.PARKED;
    task.queue.count(Slot.PARKED, 1);
  }

  void unplace(TaskRecord task) {
    boolean removed = switch (task.slot) {
      case READY -> {
        boolean gone = task.queue.readySetOf(task).remove(task);
        task.queue.dropIfEmpty(task);
        yield gone;
      }
      case DELAYED -> task.queue.delayed.remove(task);
      case RUNNING -> leases.remove(task);
      case DEAD -> task.queue.deadLetters.remove(task);
      case PARKED -> unpark(task);
      case FINISHED -> {
        retention.removed();
        yield true;
      }
      case PAUSED, NONE -> true;
    };
    if (!removed) {
      // An ordering field changed while the task sat in an ordered set: a bug, never to be papered over.
      throw new IllegalStateException(task + " was not in the index of its slot");
    }
    task.queue.count(task.slot, -1);
    task.slot = Slot.NONE;
  }

  private boolean unpark(TaskRecord task) {
    ResourceState blocker = task.parkedOn;
    task.parkedOn = null;
    if (blocker == null || !blocker.unpark(task)) {
      return false;
    }
    resources.dropIfIdle(blocker);
    return true;
  }

  /** Makes the queue's due delayed tasks ready. */
  void promoteDue(QueueState queue, Instant now) {
    TaskRecord task;
    while ((task = queue.delayed.first()) != null && !task.runAt.isAfter(now)) {
      unplace(task);
      place(task, Slot.READY);
    }
  }

  /** Trims finished tasks and closes idempotency windows that ended. */
  void housekeeping(Instant now) {
    retention.trim(now, task -> forget(task, now));
    dedupe.expire(now, this::windowClosed);
  }

  /**
   * Takes a task out of every query (trimmed or purged). While its idempotency window is open it
   * stays in the task map, hidden, so that its id still deduplicates.
   */
  void forget(TaskRecord task, Instant now) {
    unplace(task);
    if (dedupe.tracks(task) && dedupe.inWindow(task, now)) {
      task.hidden = true;
    } else {
      tasks.remove(task.id(), task);
    }
  }

  /** Removes a finished task for good: a new task takes its id. */
  void drop(TaskRecord task) {
    if (task.slot != Slot.NONE) {
      unplace(task);
    }
    tasks.remove(task.id(), task);
  }

  private void windowClosed(TaskRecord task) {
    if (task.hidden) {
      tasks.remove(task.id(), task);
    }
  }
}
