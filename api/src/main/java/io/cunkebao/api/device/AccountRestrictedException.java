package io.cunkebao.api.device;

/**
 * The WeChat account is restricted by risk control ({@code 你的账号被限制}, {@code 当前账号存在安全风险}):
 * the command was not carried out, and sends keep failing until the restriction ends.
 */
public class AccountRestrictedException extends DeviceException {
  private static final long serialVersionUID = 1L;
  private final String text;

  /**
   * Creates the exception.
   *
   * @param command the command that was refused
   * @param text the cloud's text, as it came
   */
  public AccountRestrictedException(String command, String text) {
    super(command, "account restricted: " + command + " was refused with '" + text + "'", null);
    this.text = text;
  }

  /** @return the cloud's text, as it came */
  public String text() {
    return text;
  }
}
