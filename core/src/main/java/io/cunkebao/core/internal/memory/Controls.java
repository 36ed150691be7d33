package io.cunkebao.core.internal.memory;

import io.cunkebao.api.IllegalTransitionException;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.StoredTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What users do to tasks and queues: cancel, pause, resume, replay, dead-letter queries and purge.
 *
 * <p>A running task is never changed here; it is flagged, its holder sees the flag at its next
 * lease extension or checkpoint, and {@link Outcomes} carries it out when the attempt ends.
 */
final class Controls {
  private final TaskIndex index;
  private final Outcomes outcomes;

  Controls(TaskIndex index, Outcomes outcomes) {
    this.index = index;
    this.outcomes = outcomes;
  }

  TaskStatus cancel(TaskId id, Instant now) {
    TaskRecord task = index.require(id);
    task.status.requireTransitionTo(TaskStatus.CANCELLED);
    if (task.status == TaskStatus.RUNNING) {
      task.cancelRequested = true;
      task.updatedAt = now;
      return TaskStatus.RUNNING;
    }
    index.unplace(task);
    return outcomes.finish(task, TaskStatus.CANCELLED, now);
  }

  TaskStatus pause(TaskId id, Instant now) {
    TaskRecord task = index.require(id);
    task.status.requireTransitionTo(TaskStatus.PAUSED);
    if (task.status == TaskStatus.RUNNING) {
      task.pauseRequested = true;
      task.updatedAt = now;
      return TaskStatus.RUNNING;
    }
    index.unplace(task);
    task.moveTo(TaskStatus.PAUSED, now);
    index.place(task, Slot.PAUSED);
    return TaskStatus.PAUSED;
  }

  TaskStatus resume(TaskId id, Instant now) {
    TaskRecord task = index.require(id);
    if (task.status == TaskStatus.RUNNING && task.pauseRequested) {
      task.pauseRequested = false;
      task.updatedAt = now;
      return TaskStatus.RUNNING;
    }
    if (task.status != TaskStatus.PAUSED) {
      // RUNNING and FAILED may become PENDING by other operations, never by a resume.
      throw new IllegalTransitionException(task.status, TaskStatus.PENDING);
    }
    index.unplace(task);
    task.moveTo(TaskStatus.PENDING, now);
    if (task.runAt.isBefore(now)) {
      task.runAt = now;
    }
    index.placePending(task, now);
    index.markWork();
    return TaskStatus.PENDING;
  }

  void replay(TaskId id, Instant now) {
    TaskRecord task = index.require(id);
    if (task.slot != Slot.DEAD) {
      throw new IllegalTransitionException(task.status, TaskStatus.PENDING);
    }
    index.unplace(task);
    task.moveTo(TaskStatus.PENDING, now);
    task.attempts = 0;
    task.runAt = now;
    index.placePending(task, now);
    index.markWork();
  }

  List<StoredTask> deadLetters(String queueName, int limit) {
    QueueState queue = index.existingQueue(queueName);
    List<StoredTask> result = new ArrayList<>();
    if (queue == null) {
      return result;
    }
    for (TaskRecord task : queue.deadLetters) {
      if (result.size() >= limit) {
        break;
      }
      result.add(task.toStored());
    }
    return result;
  }

  /** Deletes the queue's dead letters outright: unlike trimmed tasks, their ids are free at once. */
  long purgeDeadLetters(String queueName) {
    QueueState queue = index.existingQueue(queueName);
    if (queue == null) {
      return 0;
    }
    List<TaskRecord> purged = new ArrayList<>(queue.deadLetters);
    for (TaskRecord task : purged) {
      index.drop(task);
    }
    return purged.size();
  }

  void pauseQueue(String name) {
    index.queue(name).paused = true;
  }

  void resumeQueue(String name) {
    QueueState queue = index.queue(name);
    if (queue.paused) {
      queue.paused = false;
      index.markWork();
    }
  }

  boolean isQueuePaused(String name) {
    QueueState queue = index.existingQueue(name);
    return queue != null && queue.paused;
  }
}
