package io.cunkebao.core;

import io.cunkebao.api.spi.StateStore;
import io.cunkebao.api.spi.VersionedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StateStore} in memory: the engine's default when its queue driver keeps no state of
 * its own. Thread-safe; lost when the JVM ends, like the in-memory queue.
 */
public final class InMemoryStateStore implements StateStore {
  private final Map<String, ConcurrentSkipListMap<String, VersionedValue>> collections = new ConcurrentHashMap<>();

  @Override
  public Optional<VersionedValue> get(String collection, String key) {
    return Optional.ofNullable(collection(collection).get(key));
  }

  @Override
  public Optional<VersionedValue> compareAndSet(String collection, String key, long expectedVersion, byte[] value, Instant now) {
    ConcurrentSkipListMap<String, VersionedValue> entries = collection(collection);
    VersionedValue next = new VersionedValue(key, value, expectedVersion + 1, now);
    if (expectedVersion == 0) {
      return entries.putIfAbsent(key, next) == null ? Optional.of(next) : Optional.empty();
    }
    VersionedValue current = entries.get(key);
    if (current == null || current.version() != expectedVersion) {
      return Optional.empty();
    }
    return entries.replace(key, current, next) ? Optional.of(next) : Optional.empty();
  }

  @Override
  public boolean delete(String collection, String key, long expectedVersion) {
    ConcurrentSkipListMap<String, VersionedValue> entries = collection(collection);
    VersionedValue current = entries.get(key);
    return current != null && current.version() == expectedVersion && entries.remove(key, current);
  }

  @Override
  public List<VersionedValue> list(String collection, @Nullable String afterKey, int limit) {
    NavigableMap<String, VersionedValue> view = afterKey == null ? collection(collection) : collection(collection).tailMap(afterKey, false);
    List<VersionedValue> page = new ArrayList<>(Math.min(limit, 1024));
    for (VersionedValue value : view.values()) {
      if (page.size() >= limit) {
        break;
      }
      page.add(value);
    }
    return page;
  }

  private ConcurrentSkipListMap<String, VersionedValue> collection(String name) {
    return collections.computeIfAbsent(name, n -> new ConcurrentSkipListMap<>());
  }
}
