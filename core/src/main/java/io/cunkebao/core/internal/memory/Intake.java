package io.cunkebao.core.internal.memory;

import io.cunkebao.api.IdempotencyConflictException;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.TaskEnvelope;
import java.time.Instant;

/**
 * Enqueue, with deduplication.
 *
 * <p>An explicit idempotency key deduplicates inside its window. An id deduplicates inside its
 * window too, and beyond it for as long as a task with that id is still live (pending, running,
 * paused or dead-lettered): two tasks can never share an id. A finished task whose window closed
 * gives its id up to the new task.
 */
final class Intake {
  private final TaskIndex index;

  Intake(TaskIndex index) {
    this.index = index;
  }

  EnqueueResult enqueue(TaskEnvelope envelope, Instant now) {
    index.housekeeping(now);
    String key = envelope.idempotencyKey();
    if (key != null) {
      TaskRecord holder = index.dedupe.holderOf(key, now);
      if (holder != null) {
        return duplicate(holder, envelope, key);
      }
    }
    TaskRecord sameId = index.tasks.get(envelope.id());
    if (sameId != null) {
      if (holdsId(sameId, now)) {
        return duplicate(sameId, envelope, "id:" + envelope.id().value());
      }
      index.drop(sameId);
    }
    TaskRecord task = new TaskRecord(envelope, index.queue(envelope.queue()), index.nextSeq(), now);
    index.add(task);
    index.placePending(task, now);
    index.markWork();
    return new EnqueueResult(envelope.id(), true);
  }

  private boolean holdsId(TaskRecord task, Instant now) {
    boolean finishedForGood = task.hidden || task.slot == Slot.FINISHED;
    return !finishedForGood || index.dedupe.inWindow(task, now);
  }

  private static EnqueueResult duplicate(TaskRecord holder, TaskEnvelope envelope, String key) {
    if (!holder.envelope.sameWorkAs(envelope)) {
      throw new IdempotencyConflictException(key, holder.id());
    }
    return new EnqueueResult(holder.id(), false);
  }
}
