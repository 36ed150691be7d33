package io.cunkebao.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A small versioned key-value store for the engine's own state beside the queue: schedules with
 * their last fire times, workflow instances and their context. Drivers that share state across
 * nodes (Redis) offer one through {@link QueueDriver#stateStore()}, under the namespace of their
 * queues, so that several engines see the same schedules and instances.
 *
 * <p>Values are opaque bytes the engine encodes. Every write is a compare-and-set on the entry's
 * version, so two engines that race to advance a schedule or a workflow step cannot both win.
 * Collections are small names such as {@code schedules} or {@code workflows}.
 */
public interface StateStore {

  /**
   * Reads an entry.
   *
   * @param collection the collection
   * @param key the key
   * @return the entry, or empty when absent
   */
  Optional<VersionedValue> get(String collection, String key);

  /**
   * Writes an entry if its version is the expected one.
   *
   * @param collection the collection
   * @param key the key
   * @param expectedVersion the version the caller read, or 0 to create an entry that must not exist
   * @param value the new value
   * @param now the current time, from the engine's clock
   * @return the written entry (version {@code expectedVersion + 1}), or empty when the version
   *     did not match (someone else wrote first)
   */
  Optional<VersionedValue> compareAndSet(String collection, String key, long expectedVersion, byte[] value, Instant now);

  /**
   * Deletes an entry if its version is the expected one.
   *
   * @param collection the collection
   * @param key the key
   * @param expectedVersion the version the caller read
   * @return true when deleted
   */
  boolean delete(String collection, String key, long expectedVersion);

  /**
   * Lists entries in key order.
   *
   * @param collection the collection
   * @param afterKey list keys after this one, or null from the start
   * @param limit the most to return
   * @return the entries
   */
  List<VersionedValue> list(String collection, @Nullable String afterKey, int limit);
}
