package io.cunkebao.api.device;

import java.time.Duration;

/**
 * No answer came within the call's timeout. The command may still take effect later (a timeout is
 * not a failure), so retry only with a client message id.
 */
public class DeviceTimeoutException extends DeviceException {
  private static final long serialVersionUID = 1L;
  private final Duration timeout;

  /**
   * Creates the exception.
   *
   * @param command the command that timed out
   * @param timeout the timeout it exceeded
   */
  public DeviceTimeoutException(String command, Duration timeout) {
    super(command, "timeout: " + command + " got no answer within " + timeout.toMillis() + " ms", null);
    this.timeout = timeout;
  }

  /** @return the timeout the call exceeded */
  public Duration timeout() {
    return timeout;
  }
}
