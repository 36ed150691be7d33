package io.cunkebao.api;

/** An operation asked for a status change that {@link TaskStatus} does not allow. */
public class IllegalTransitionException extends CunkebaoException {
  private static final long serialVersionUID = 1L;
  private final TaskStatus from;
  private final TaskStatus to;

  /**
   * Creates the exception.
   *
   * @param from the task's status
   * @param to the status asked for
   */
  public IllegalTransitionException(TaskStatus from, TaskStatus to) {
    super("illegal task transition from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  /** @return the task's status */
  public TaskStatus from() {
    return from;
  }

  /** @return the status asked for */
  public TaskStatus to() {
    return to;
  }
}
