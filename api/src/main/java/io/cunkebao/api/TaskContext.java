package io.cunkebao.api;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A handler's view of the attempt it runs and of the engine.
 *
 * <p>One context per attempt; its methods may be called from any thread while the attempt runs.
 * Calls after the attempt ended fail with {@link IllegalStateException}.
 */
public interface TaskContext {

  /** @return the task's id, the same on every attempt */
  TaskId taskId();

  /** @return the task type's name */
  String type();

  /** @return the queue the task came from */
  String queue();

  /** @return this attempt's number: 1 for the first run, 2 for the first retry ... */
  int attempt();

  /** @return when this attempt times out */
  Instant deadline();

  /** @return the resources the task holds while it runs */
  Set<ResourceKey> resources();

  /**
   * The fencing token of this attempt's lease: it grows with every claim of the task, so a side
   * effect sink that remembers the highest token it saw can refuse a stale holder's writes.
   *
   * @return the token
   */
  long fencingToken();

  /** @return the engine's clock; use it instead of the system clock so tests can move time */
  InstantSource clock();

  /**
   * Whether the engine asks this attempt to stop (cancel, pause, timeout, shutdown, lost lease).
   *
   * @return true once a stop was asked for
   */
  boolean isCancelled();

  /** @return why the engine asks the attempt to stop, once it does */
  Optional<StopReason> stopReason();

  /**
   * A stage that completes when the engine asks the attempt to stop; never completes when the
   * attempt ends normally.
   *
   * @return the stage, completing with the reason
   */
  CompletionStage<StopReason> whenCancelled();

  /**
   * Throws when the engine asks the attempt to stop; call it between units of work.
   *
   * @throws TaskInterruptedException with the reason
   */
  void throwIfCancelled();

  /**
   * The last checkpoint written for this task by any attempt, so a batch resumes where it stopped.
   *
   * @param type the class the checkpoint binds to
   * @param <T> the checkpoint type
   * @return the checkpoint, or empty on a fresh task
   */
  <T> Optional<T> checkpoint(Class<T> type);

  /**
   * Saves a checkpoint (as JSON), checked against this attempt's lease: it is kept with the task
   * and read back by later attempts. A pause or cancel asked for meanwhile is honoured here.
   *
   * @param state the state to save; a record or plain class
   * @throws TaskInterruptedException when the engine asks the attempt to stop, or the lease was
   *     lost (the write was then refused)
   */
  void checkpoint(Object state);

  /**
   * Reports progress, kept with the task state (written with the next checkpoint or lease
   * renewal).
   *
   * @param progress how far the task has come
   */
  void progress(Progress progress);

  /**
   * The device sessions of the seats this engine owns, for handlers that act on phones.
   *
   * @return the devices; {@link io.cunkebao.api.device.Devices#NONE} when the engine has no
   *     device driver (and in contexts that do not override this)
   */
  default io.cunkebao.api.device.Devices devices() {
    return io.cunkebao.api.device.Devices.NONE;
  }

  /**
   * A client for follow-up tasks and queries.
   *
   * @return the engine's client
   */
  TaskClient client();

  /**
   * Schedules a follow-up task; shorthand for {@code client().submit(request)}.
   *
   * @param request the follow-up
   * @return its id
   */
  default TaskId followUp(TaskRequest<?> request) {
    return client().submit(request);
  }
}
