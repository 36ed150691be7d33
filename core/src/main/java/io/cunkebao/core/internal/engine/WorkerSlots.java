package io.cunkebao.core.internal.engine;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.WorkerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The engine's worker slots, one per unit of max concurrency, for the monitoring snapshot. The
 * dispatcher takes a slot before it starts an attempt, so a free one always exists then.
 */
final class WorkerSlots {
  private final AtomicReferenceArray<WorkerStatus> slots;

  WorkerSlots(int size, Instant now) {
    slots = new AtomicReferenceArray<>(size);
    for (int i = 0; i < size; i++) {
      slots.set(i, new WorkerStatus(i + 1, null, null, now));
    }
  }

  int acquire(TaskId taskId, String type, Instant now) {
    for (int i = 0; i < slots.length(); i++) {
      WorkerStatus current = slots.get(i);
      if (current.idle() && slots.compareAndSet(i, current, new WorkerStatus(i + 1, taskId, type, now))) {
        return i;
      }
    }
    throw new IllegalStateException("no idle worker slot although the concurrency limit had room");
  }

  void release(int slot, Instant now) {
    slots.set(slot, new WorkerStatus(slot + 1, null, null, now));
  }

  List<WorkerStatus> snapshot() {
    List<WorkerStatus> list = new ArrayList<>(slots.length());
    for (int i = 0; i < slots.length(); i++) {
      list.add(slots.get(i));
    }
    return list;
  }
}
