package io.cunkebao.api;

import org.jspecify.annotations.Nullable;

/** The queue backend could not be reached in time; the operation did not happen or is unknown. */
public class QueueUnavailableException extends CunkebaoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be done
   * @param cause the driver's failure
   */
  public QueueUnavailableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
