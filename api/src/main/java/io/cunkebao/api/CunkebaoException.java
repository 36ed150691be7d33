package io.cunkebao.api;

import org.jspecify.annotations.Nullable;

/**
 * The unchecked root of every exception Cunkebao Engine throws on purpose.
 *
 * <p>Catch this to handle any engine error; catch a subtype for a specific one. Programming
 * errors (a null argument, a negative duration) use the JDK's own exceptions instead.
 */
public abstract class CunkebaoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, naming the thing that was wrong
   * @param cause the underlying failure, kept for diagnosis
   */
  protected CunkebaoException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception without a cause.
   *
   * @param message what went wrong
   */
  protected CunkebaoException(String message) {
    super(message);
  }
}
