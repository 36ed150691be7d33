package io.cunkebao.api.device;

/** The WeChat account's phone is offline at the cloud; the command was not carried out. */
public class DeviceOfflineException extends DeviceException {
  private static final long serialVersionUID = 1L;
  private final long wechatAccountId;

  /**
   * Creates the exception.
   *
   * @param command the command that was refused
   * @param wechatAccountId the account whose phone is offline, 0 when unknown
   */
  public DeviceOfflineException(String command, long wechatAccountId) {
    super(command, "device offline: " + command + " could not reach the phone of account " + wechatAccountId, null);
    this.wechatAccountId = wechatAccountId;
  }

  /** @return the account whose phone is offline, 0 when unknown */
  public long wechatAccountId() {
    return wechatAccountId;
  }
}
