package io.cunkebao.api.spi;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a {@link StateStore}.
 *
 * @param key the entry's key within its collection
 * @param value the encoded value (JSON written by the engine)
 * @param version 1 for a new entry, one more on every write
 * @param updatedAt the time of the last write
 */
public record VersionedValue(String key, byte[] value, long version, Instant updatedAt) {

  /** Checks the parts. */
  public VersionedValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1 but was " + version);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionedValue v && key.equals(v.key) && Arrays.equals(value, v.value)
        && version == v.version && updatedAt.equals(v.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, Arrays.hashCode(value), version);
  }

  @Override
  public String toString() {
    return "VersionedValue[" + key + " v" + version + ", " + value.length + " bytes]";
  }
}
