package io.cunkebao.api.spi;

import io.cunkebao.api.EventPublisher;
import java.net.URI;

/**
 * Opens device drivers for one URI scheme of the device cloud ({@code ws}, {@code wss} ...);
 * found with {@link java.util.ServiceLoader}.
 *
 * <p>Register the implementation in {@code
 * META-INF/services/io.cunkebao.api.spi.DeviceDriverProvider}. The constructor must be public,
 * cheap and free of I/O; connections are made later, per seat, by {@link
 * DeviceDriver#openSession}. The engine builder calls {@link #open} once per cloud and owns (and
 * closes) the drivers it opens.
 */
public interface DeviceDriverProvider {

  /**
   * The URI scheme this provider opens, lower case, without the colon.
   *
   * @return such as {@code ws} or {@code wss}
   */
  String scheme();

  /**
   * Opens a driver for one cloud. Makes no connection yet.
   *
   * @param uri the cloud's URI, of this provider's scheme; drivers document their query options
   * @param config timeouts, limits and the clock
   * @param events where the driver publishes device events; called from driver threads
   * @return an open driver, which the caller closes
   * @throws IllegalArgumentException naming the part of the URI that is wrong
   */
  DeviceDriver open(URI uri, DeviceDriverConfig config, EventPublisher events);

  /**
   * The SPI version the provider was written against.
   *
   * @return {@link TaskTypeProvider#API_VERSION} unless overridden
   */
  default String apiVersion() {
    return TaskTypeProvider.API_VERSION;
  }
}
