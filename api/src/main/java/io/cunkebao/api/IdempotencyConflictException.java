package io.cunkebao.api;

/**
 * A request reused an idempotency key, inside its window, with a different type or payload.
 *
 * <p>The same key with the same type and payload is not an error: the submit returns the id of the
 * task already enqueued.
 */
public class IdempotencyConflictException extends CunkebaoException {
  private static final long serialVersionUID = 1L;
  private final String idempotencyKey;
  private final TaskId existingTask;

  /**
   * Creates the exception.
   *
   * @param idempotencyKey the reused key
   * @param existingTask the task that holds the key
   */
  public IdempotencyConflictException(String idempotencyKey, TaskId existingTask) {
    super("idempotency key '" + idempotencyKey + "' is already used by task " + existingTask
        + " with a different type or payload");
    this.idempotencyKey = idempotencyKey;
    this.existingTask = existingTask;
  }

  /** @return the reused key */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** @return the task that holds the key */
  public TaskId existingTask() {
    return existingTask;
  }
}
