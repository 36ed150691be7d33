package io.cunkebao.api;

import java.util.List;
import java.util.Optional;

/**
 * Submits, follows and steers tasks. Usable from host code and from inside handlers; all methods
 * are thread-safe.
 */
public interface TaskClient extends EventPublisher {

  /**
   * Validates and enqueues a task. With an idempotency key (or an explicit id) already used inside
   * the queue's window, returns the existing task's id and enqueues nothing.
   *
   * @param request what to run
   * @return the task's id, to follow it with {@link #status}
   * @throws InvalidTaskRequestException naming the field when the request is invalid (unknown
   *     type, payload of the wrong class or over the size limit ...)
   * @throws IdempotencyConflictException when the key is held by a task with another payload
   * @throws QueueUnavailableException when the queue cannot be reached
   */
  TaskId submit(TaskRequest<?> request);

  /**
   * The task's current state.
   *
   * @param id the task
   * @return its state, or empty when unknown (or trimmed by retention)
   */
  Optional<TaskInfo> status(TaskId id);

  /**
   * Cancels a task: at once when it waits or is paused; cooperatively when it runs (its context is
   * cancelled, then its thread interrupted after the grace period).
   *
   * @param id the task
   * @return its status after the call: cancelled, or running while the cancel is under way
   * @throws TaskNotFoundException when unknown
   * @throws IllegalTransitionException when it already completed or failed
   */
  TaskStatus cancel(TaskId id);

  /**
   * Pauses a task: at once when it waits; when it runs, at its next checkpoint or when its attempt
   * ends.
   *
   * @param id the task
   * @return its status after the call: paused, or running while the pause is under way
   * @throws TaskNotFoundException when unknown
   * @throws IllegalTransitionException when it is finished
   */
  TaskStatus pause(TaskId id);

  /**
   * Resumes a paused task (or withdraws a pause not yet honoured).
   *
   * @param id the task
   * @return its status after the call
   * @throws TaskNotFoundException when unknown
   * @throws IllegalTransitionException when it is not paused
   */
  TaskStatus resume(TaskId id);

  /**
   * Stops claims from a queue; running tasks of it pause at their next checkpoint or run to the
   * end of their attempt.
   *
   * @param queue the queue's name
   */
  void pauseQueue(String queue);

  /**
   * Lets a paused queue's tasks be claimed again.
   *
   * @param queue the queue's name
   */
  void resumeQueue(String queue);

  /**
   * Lists a queue's dead-letter tasks, oldest first.
   *
   * @param queue the queue's name
   * @param limit the most to return
   * @return the tasks
   */
  List<TaskInfo> deadLetters(String queue, int limit);

  /**
   * Moves a dead-lettered task back to pending with a fresh set of attempts.
   *
   * @param id the task
   * @throws TaskNotFoundException when unknown
   * @throws IllegalTransitionException when it is not in the dead-letter queue
   */
  void replay(TaskId id);

  /**
   * Deletes a queue's dead-letter tasks.
   *
   * @param queue the queue's name
   * @return how many were deleted
   */
  long purgeDeadLetters(String queue);

  /**
   * The cron schedules, shared by every engine on the queue.
   *
   * @return the schedule client
   */
  ScheduleClient schedules();

  /**
   * The monitoring view: queue counts from the queue, worker slots from this engine.
   *
   * @return the snapshot
   */
  MonitoringSnapshot snapshot();
}
