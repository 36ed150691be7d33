package io.cunkebao.api;

import java.time.Duration;

/** An attempt ran past its timeout; the attempt fails with the reason "timeout". */
public class TaskTimeoutException extends CunkebaoException {
  private static final long serialVersionUID = 1L;
  private final TaskId taskId;
  private final Duration timeout;

  /**
   * Creates the exception.
   *
   * @param taskId the task whose attempt timed out
   * @param timeout the timeout it exceeded
   */
  public TaskTimeoutException(TaskId taskId, Duration timeout) {
    super("timeout: task " + taskId + " ran longer than " + timeout.toMillis() + " ms");
    this.taskId = taskId;
    this.timeout = timeout;
  }

  /** @return the task whose attempt timed out */
  public TaskId taskId() {
    return taskId;
  }

  /** @return the timeout it exceeded */
  public Duration timeout() {
    return timeout;
  }
}
