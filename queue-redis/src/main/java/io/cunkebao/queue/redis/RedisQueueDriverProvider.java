package io.cunkebao.queue.redis;

import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.QueueDriverProvider;
import java.net.URI;
import java.util.Objects;

/**
 * Opens a {@link RedisQueueDriver} for {@code redis://} URIs; found with {@link
 * java.util.ServiceLoader}. Its subclasses open {@code rediss://} (TLS) and Sentinel URIs. The
 * driver's options ({@code namespace}, {@code commandTimeout} ...) come from the URI's query, see
 * {@link RedisQueueSettings#fromUri}; the engine's settings come from the {@link QueueDriverConfig}.
 *
 * <pre>{@code
 * Schedulers.builder().queueUri("redis://localhost:6379?namespace=tenant-a").build();
 * }</pre>
 */
public class RedisQueueDriverProvider implements QueueDriverProvider {
  private final String scheme;

  /** For {@link java.util.ServiceLoader}: the scheme {@code redis}. Cheap and free of I/O. */
  public RedisQueueDriverProvider() {
    this("redis");
  }

  /**
   * For the subclasses of other schemes.
   *
   * @param scheme the scheme, lower case
   */
  protected RedisQueueDriverProvider(String scheme) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
  }

  @Override
  public final String scheme() {
    return scheme;
  }

  @Override
  public final QueueDriver open(URI uri, QueueDriverConfig config) {
    if (uri == null || !scheme.equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("scheme of " + uri + " must be '" + scheme + "'");
    }
    return RedisQueueDriver.open(RedisQueueSettings.fromUri(uri), config);
  }

  /** Opens {@code rediss://} URIs: Redis over TLS, the peer verified by default. */
  public static final class Tls extends RedisQueueDriverProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Tls() {
      super("rediss");
    }
  }

  /** Opens {@code redis-sentinel://host:26379/0#master} URIs: the master found through Sentinel. */
  public static final class Sentinel extends RedisQueueDriverProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Sentinel() {
      super("redis-sentinel");
    }
  }

  /** Opens {@code rediss-sentinel://} URIs: Sentinel over TLS. */
  public static final class TlsSentinel extends RedisQueueDriverProvider {
    /** For {@link java.util.ServiceLoader}. */
    public TlsSentinel() {
      super("rediss-sentinel");
    }
  }
}
