package io.cunkebao.device.ws;

/**
 * Opens {@link WsDeviceDriver}s for {@code wss://} URIs (TLS, certificates verified); found with
 * {@link java.util.ServiceLoader}.
 */
public final class WssDeviceDriverProvider extends WsDeviceDriverProvider {

  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public WssDeviceDriverProvider() {}

  @Override
  public String scheme() {
    return "wss";
  }
}
