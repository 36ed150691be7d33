package io.cunkebao.api.device;

/**
 * WeChat's risk control answered "too frequent" ({@code 操作过于频繁}, {@code 朋友圈太频繁了}): the
 * command was not carried out and the account should pause. Pacing reads {@link #text()}.
 */
public class RateLimitedException extends DeviceException {
  private static final long serialVersionUID = 1L;
  private final String text;

  /**
   * Creates the exception.
   *
   * @param command the command that was refused
   * @param text the cloud's text, as it came
   */
  public RateLimitedException(String command, String text) {
    super(command, "rate limited: " + command + " was refused with '" + text + "'", null);
    this.text = text;
  }

  /** @return the cloud's text, as it came */
  public String text() {
    return text;
  }
}
