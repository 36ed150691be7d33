package io.cunkebao.api;

/** No task with the given id exists (or it was trimmed by retention). */
public class TaskNotFoundException extends CunkebaoException {
  private static final long serialVersionUID = 1L;
  private final TaskId taskId;

  /**
   * Creates the exception.
   *
   * @param taskId the id that was not found
   */
  public TaskNotFoundException(TaskId taskId) {
    super("no task with id " + taskId);
    this.taskId = taskId;
  }

  /** @return the id that was not found */
  public TaskId taskId() {
    return taskId;
  }
}
