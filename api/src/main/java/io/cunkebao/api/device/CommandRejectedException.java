package io.cunkebao.api.device;

/** The cloud or the phone refused the command for a reason not covered by a narrower type. */
public class CommandRejectedException extends DeviceException {
  private static final long serialVersionUID = 1L;
  private final int code;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param command the command that was refused
   * @param code the cloud's error code (an HTTP status for REST calls)
   * @param reason the cloud's message
   */
  public CommandRejectedException(String command, int code, String reason) {
    super(command, "rejected: " + command + " failed with code " + code + ": " + reason, null);
    this.code = code;
    this.reason = reason;
  }

  /** @return the cloud's error code (an HTTP status for REST calls) */
  public int code() {
    return code;
  }

  /** @return the cloud's message */
  public String reason() {
    return reason;
  }
}
