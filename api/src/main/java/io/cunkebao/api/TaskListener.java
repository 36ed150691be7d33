package io.cunkebao.api;

/**
 * Observes every task transition and engine error, for metrics, audit and tests.
 *
 * <p>Methods have empty defaults, so new events never break implementations. They are called on
 * engine threads, synchronously after the transition was stored: they must be fast, must not
 * block or do I/O, and should not throw (what they throw is logged and ignored). Hand slow work
 * to an executor of your own.
 */
public interface TaskListener {
  /** A listener that ignores everything. */
  TaskListener NONE = new TaskListener() {};

  /**
   * A task changed status (or its lease was lost).
   *
   * @param event the transition
   */
  default void onTaskEvent(TaskEvent event) {}

  /**
   * The engine met an unexpected error; it logged it and goes on.
   *
   * @param where the engine part, such as {@code dispatch} or {@code lease-renewal}
   * @param error the error
   */
  default void onEngineError(String where, Throwable error) {}
}
