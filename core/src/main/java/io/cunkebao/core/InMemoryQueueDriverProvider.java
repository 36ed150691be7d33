package io.cunkebao.core;

import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.QueueDriverProvider;
import java.net.URI;

/**
 * Opens an {@link InMemoryQueueDriver} for the URI {@code memory:} (any scheme-specific part, such
 * as {@code memory:default} or {@code memory://local}, is accepted and ignored: each open makes a
 * new, empty queue). Registered for {@link java.util.ServiceLoader}.
 */
public final class InMemoryQueueDriverProvider implements QueueDriverProvider {
  /** The scheme: {@value}. */
  public static final String SCHEME = "memory";

  /** For {@link java.util.ServiceLoader}; cheap and free of I/O. */
  public InMemoryQueueDriverProvider() {
    // nothing to set up: each open makes its own driver
  }

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public QueueDriver open(URI uri, QueueDriverConfig config) {
    if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("scheme of " + uri + " must be '" + SCHEME + "' but was '" + uri.getScheme() + "'");
    }
    return new InMemoryQueueDriver(config);
  }
}
