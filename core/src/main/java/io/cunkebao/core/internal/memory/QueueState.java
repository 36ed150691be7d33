package io.cunkebao.core.internal.memory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One queue's indexes and counters.
 *
 * <p>Ready and delayed tasks sit in ordered sets so that a claim takes the best ready task and a
 * promotion takes the earliest delayed task in O(log n), and a pause or cancel removes any task in
 * O(log n). Dead letters keep their dead-lettering order in a linked set (oldest first, O(1)
 * removal on replay).
 */
final class QueueState {
  final String name;
  final TreeSet<TaskRecord> ready = new TreeSet<>(TaskRecord.CLAIM_ORDER);
  /**
   * Ready tasks that name a seat, by seat: only the seat's owner claims them, so they are kept out
   * of {@link #ready}, where every other claimer would have to step over them.
   */
  final java.util.Map<String, TreeSet<TaskRecord>> seatReady = new java.util.HashMap<>();
  final DueHeap delayed = new DueHeap();
  final LinkedHashSet<TaskRecord> deadLetters = new LinkedHashSet<>();
  /**
   * Resources that freed a slot while tasks of this queue were parked on them. A claim of this queue
   * looks at their parked tasks (and only theirs): that is how a parked task comes back without any
   * scan of blocked tasks.
   */
  final LinkedHashSet<ResourceState> freed = new LinkedHashSet<>();
  final DailyCounters daily;
  boolean paused;
  private final long[] counts = new long[Slot.values().length];

  QueueState(String name, ZoneId zone) {
    this.name = name;
    this.daily = new DailyCounters(zone);
  }

  /** @return the ready set a task belongs in: its seat's, or the shared one */
  TreeSet<TaskRecord> readySetOf(TaskRecord task) {
    String seat = task.seat();
    return seat == null ? ready : seatReady.computeIfAbsent(seat, s -> new TreeSet<>(TaskRecord.CLAIM_ORDER));
  }

  /** Drops a seat's ready set once empty, so seats that come and go leave nothing behind. */
  void dropIfEmpty(TaskRecord task) {
    String seat = task.seat();
    if (seat != null) {
      seatReady.computeIfPresent(seat, (s, set) -> set.isEmpty() ? null : set);
    }
  }

  void count(Slot slot, int delta) {
    counts[slot.ordinal()] += delta;
  }

  long count(Slot slot) {
    return counts[slot.ordinal()];
  }

  /** @return the earliest due time of a delayed task, or null */
  @Nullable Instant nextDelayedDue() {
    TaskRecord first = delayed.first();
    return first == null ? null : first.runAt;
  }

  @Override
  public String toString() {
    return "QueueState[" + name + "]";
  }
}
