package io.cunkebao.api;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a handler (or used as the failure of its stage) when retrying cannot help: the task
 * goes to the dead-letter queue at once, whatever its retry policy.
 */
public class NonRetryableTaskException extends CunkebaoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the task cannot succeed
   */
  public NonRetryableTaskException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message why the task cannot succeed
   * @param cause the underlying failure
   */
  public NonRetryableTaskException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
