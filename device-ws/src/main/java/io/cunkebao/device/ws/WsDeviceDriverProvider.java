package io.cunkebao.device.ws;

import io.cunkebao.api.EventPublisher;
import io.cunkebao.api.spi.DeviceDriver;
import io.cunkebao.api.spi.DeviceDriverConfig;
import io.cunkebao.api.spi.DeviceDriverProvider;
import java.net.URI;

/**
 * Opens {@link WsDeviceDriver}s for {@code ws://} URIs; found with {@link java.util.ServiceLoader}.
 * Cheap and free of I/O.
 */
public class WsDeviceDriverProvider implements DeviceDriverProvider {

  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public WsDeviceDriverProvider() {}

  @Override
  public String scheme() {
    return "ws";
  }

  @Override
  public DeviceDriver open(URI uri, DeviceDriverConfig config, EventPublisher events) {
    if (!scheme().equals(uri.getScheme())) {
      throw new IllegalArgumentException("this provider opens " + scheme() + " URIs but got scheme '" + uri.getScheme() + "'");
    }
    return new WsDeviceDriver(uri, config, events);
  }
}
