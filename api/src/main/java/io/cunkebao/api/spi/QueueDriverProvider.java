package io.cunkebao.api.spi;

import java.net.URI;

/**
 * Opens queue drivers for one URI scheme ({@code memory}, {@code redis}, {@code rediss} ...);
 * found with {@link java.util.ServiceLoader}.
 *
 * <p>The constructor must be public, cheap and free of I/O; connections are made in {@link
 * #open}. The engine owns (and closes) drivers it opens from a URI.
 */
public interface QueueDriverProvider {

  /**
   * The URI scheme this provider opens, lower case, without the colon.
   *
   * @return such as {@code memory} or {@code redis}
   */
  String scheme();

  /**
   * Opens a driver.
   *
   * @param uri the queue's URI, of this provider's scheme
   * @param config the engine's settings for the driver
   * @return an open driver, which the caller closes
   * @throws IllegalArgumentException naming the part of the URI that is wrong
   * @throws io.cunkebao.api.QueueUnavailableException when the backend cannot be reached
   */
  QueueDriver open(URI uri, QueueDriverConfig config);

  /**
   * The SPI version the provider was written against.
   *
   * @return {@link TaskTypeProvider#API_VERSION} unless overridden
   */
  default String apiVersion() {
    return TaskTypeProvider.API_VERSION;
  }
}
