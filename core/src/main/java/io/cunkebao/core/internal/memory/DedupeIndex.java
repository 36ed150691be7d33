package io.cunkebao.core.internal.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency windows.
 *
 * <p>Explicit idempotency keys map to the task holding them. Tasks without a key deduplicate on
 * their id, which needs no entry here: the task map already finds them by id (and keeps trimmed
 * tasks, hidden, until their window closes). Windows close in enqueue order, so one deque swept
 * from its head frees keys in O(1) amortized per task; lookups also check the window, so a clock
 * that is not monotone only delays the sweep.
 */
final class DedupeIndex {
  private final Duration window;
  private final Map<String, TaskRecord> byKey = new HashMap<>();
  private final ArrayDeque<TaskRecord> byAge = new ArrayDeque<>();

  DedupeIndex(Duration window) {
    this.window = window;
  }

  boolean inWindow(TaskRecord task, Instant now) {
    // From the task's creation (the submit time the engine stamps): one Instant fewer per task.
    return Duration.between(task.envelope.createdAt(), now).compareTo(window) < 0;
  }

  /** @return the task holding {@code key} inside its window, or null */
  @Nullable TaskRecord holderOf(String key, Instant now) {
    TaskRecord holder = byKey.get(key);
    return holder != null && inWindow(holder, now) ? holder : null;
  }

  void add(TaskRecord task) {
    String key = task.envelope.idempotencyKey();
    if (key != null) {
      byKey.put(key, task);
    }
    if (tracks(task)) {
      byAge.addLast(task);
    }
  }

  /**
   * Whether the task needs its window: it has an idempotency key or a caller-chosen id. A task whose
   * id the engine generated cannot be enqueued again, so it is not kept for deduplication (which
   * would hold every finished task in memory for the whole window).
   */
  boolean tracks(TaskRecord task) {
    return task.envelope.idempotencyKey() != null || !task.envelope.generatedId();
  }

  /**
   * Closes the windows that ended.
   *
   * @param closed told of each task whose window closed (to drop it when it was hidden)
   */
  void expire(Instant now, Consumer<TaskRecord> closed) {
    while (!byAge.isEmpty() && !inWindow(byAge.peekFirst(), now)) {
      TaskRecord task = byAge.pollFirst();
      String key = task.envelope.idempotencyKey();
      if (key != null) {
        byKey.remove(key, task);
      }
      closed.accept(task);
    }
  }
}
