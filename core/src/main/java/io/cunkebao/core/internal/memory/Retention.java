package io.cunkebao.core.internal.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Finished tasks in the order they finished, trimmed oldest first beyond a count and an age.
 *
 * <p>Each finished task is appended once and taken off the head once, so trimming costs O(1)
 * amortized per finish. A task that leaves the finished slot another way (replaced by a new task
 * with its id) stays in the deque as a stale entry, skipped when it reaches the head; {@link #size}
 * counts only the live entries.
 */
final class Retention {
  private final ArrayDeque<TaskRecord> finished = new ArrayDeque<>();
  private final int maxCount;
  private final Duration maxAge;
  private int size;
  private long trimmed;

  Retention(int maxCount, Duration maxAge) {
    this.maxCount = maxCount;
    this.maxAge = maxAge;
  }

  void added(TaskRecord task) {
    finished.addLast(task);
    size++;
  }

  void removed() {
    size--;
  }

  long trimmedCount() {
    return trimmed;
  }

  /**
   * Trims what is beyond the limits.
   *
   * @param forget takes a trimmed task out of the driver (and so out of the finished slot)
   */
  void trim(Instant now, Consumer<TaskRecord> forget) {
    while (!finished.isEmpty()) {
      TaskRecord head = finished.peekFirst();
      if (head.slot != Slot.FINISHED) {
        finished.pollFirst();
        continue;
      }
      if (size <= maxCount && now.isBefore(head.updatedAt.plus(maxAge))) {
        return; // the head is the oldest: nothing behind it is too old either (with a monotone clock)
      }
      finished.pollFirst();
      trimmed++;
      forget.accept(head);
    }
  }
}
