package io.cunkebao.core.workflow;

import io.cunkebao.api.spi.StateStore;
import io.cunkebao.api.spi.VersionedValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A state store that, once armed, keeps the next matching write and then throws: the engine
 * "dies" after the compare-and-set and before whatever came next.
 */
final class CrashingStore implements StateStore {
  private final StateStore delegate;
  private volatile @Nullable Predicate<String> crashAfterWriting;

  CrashingStore(StateStore delegate) {
    this.delegate = delegate;
  }

  void crashAfterNextWriteContaining(String text) {
    crashAfterWriting = json -> json.contains(text);
  }

  @Override
  public Optional<VersionedValue> get(String collection, String key) {
    return delegate.get(collection, key);
  }

  @Override
  public Optional<VersionedValue> compareAndSet(String collection, String key, long expectedVersion, byte[] value, Instant now) {
    Optional<VersionedValue> written = delegate.compareAndSet(collection, key, expectedVersion, value, now);
    Predicate<String> crash = crashAfterWriting;
    if (written.isPresent() && crash != null && crash.test(new String(value, java.nio.charset.StandardCharsets.UTF_8))) {
      crashAfterWriting = null;
      throw new IllegalStateException("simulated crash after the write");
    }
    return written;
  }

  @Override
  public boolean delete(String collection, String key, long expectedVersion) {
    return delegate.delete(collection, key, expectedVersion);
  }

  @Override
  public List<VersionedValue> list(String collection, @Nullable String afterKey, int limit) {
    return delegate.list(collection, afterKey, limit);
  }
}
