package io.cunkebao.api.device;

import org.jspecify.annotations.Nullable;

/**
 * The link to the cloud broke while the command was in flight, or the session ended (closed or
 * kicked out). Whether a state-changing command took effect is unknown: drivers never send it
 * again by themselves; the task's retry and its client message id decide.
 */
public class ConnectionLostException extends DeviceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param command the command whose outcome is unknown
   * @param reason why the link broke
   * @param cause the transport failure, if any
   */
  public ConnectionLostException(String command, String reason, @Nullable Throwable cause) {
    super(command, "connection lost: " + command + ": " + reason, cause);
  }
}
