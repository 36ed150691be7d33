package io.cunkebao.api.device;

import io.cunkebao.api.CunkebaoException;
import org.jspecify.annotations.Nullable;

/**
 * The root of the errors a device operation fails with: the device, its cloud or the link to it
 * answered or behaved so that the operation did not (or may not) take effect.
 *
 * <p>Each subtype says whether a retry may help: {@link RateLimitedException} and {@link
 * AccountRestrictedException} feed pacing and the health score and should not be retried soon;
 * {@link DeviceTimeoutException} and {@link ConnectionLostException} leave the outcome unknown,
 * so a retry must be made idempotent with a client message id.
 */
public abstract class DeviceException extends CunkebaoException {
  private static final long serialVersionUID = 1L;
  private final String command;

  /**
   * Creates the exception.
   *
   * @param command the command (a {@code cmdType} or a REST path) that failed
   * @param message what went wrong
   * @param cause the underlying failure, if any
   */
  protected DeviceException(String command, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.command = command;
  }

  /** @return the command (a {@code cmdType} or a REST path) that failed */
  public String command() {
    return command;
  }
}
