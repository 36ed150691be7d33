package io.cunkebao.api.device;

/**
 * The session's bounded outbound queue is full: the command was not queued (backpressure instead
 * of unbounded memory). Safe to retry later.
 */
public class DeviceBusyException extends DeviceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param command the command that was not queued
   * @param capacity the queue's capacity in frames
   */
  public DeviceBusyException(String command, int capacity) {
    super(command, "busy: " + command + " not queued, the outbound queue holds " + capacity + " frame(s) already", null);
  }
}
