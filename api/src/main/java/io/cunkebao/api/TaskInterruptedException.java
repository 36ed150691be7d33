package io.cunkebao.api;

/**
 * Thrown from {@link TaskContext#checkpoint} (and {@link TaskContext#throwIfCancelled()}) when the
 * engine asks the running attempt to stop: the task was cancelled or paused, it timed out, the
 * engine is shutting down, or the lease was lost. Handlers should let it propagate; the engine
 * then carries out what was asked (cancel, pause, hand back) without counting a failure.
 */
public class TaskInterruptedException extends CunkebaoException {
  private static final long serialVersionUID = 1L;
  private final StopReason reason;

  /**
   * Creates the exception.
   *
   * @param taskId the task asked to stop
   * @param reason why it must stop
   */
  public TaskInterruptedException(TaskId taskId, StopReason reason) {
    super("task " + taskId + " asked to stop: " + reason.name().toLowerCase(java.util.Locale.ROOT));
    this.reason = reason;
  }

  /** @return why the task must stop */
  public StopReason reason() {
    return reason;
  }
}
