package io.cunkebao.queue.redis;

import io.cunkebao.api.spi.StateStore;
import io.cunkebao.api.spi.VersionedValue;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The engine's schedules and workflow instances on Redis, beside the queue and under its
 * namespace's hash tag, so every engine on the namespace sees the same ones.
 *
 * <p>A collection is a hash ({@code cbk:{ns}:store:<collection>}) holding, per entry, its value
 * ({@code v:<key>}), version ({@code n:<key>}) and last write time ({@code t:<key>}), plus a sorted
 * set of its keys ({@code cbk:{ns}:store-keys:<collection>}, all scores 0, so in key order) for
 * listing. Writes and deletes are compare-and-set scripts on the version.
 */
final class RedisStateStore implements StateStore {
  private final RedisLink link;
  private final RedisKeys keys;
  private final Scripts scripts;

  RedisStateStore(RedisLink link, RedisKeys keys, Scripts scripts) {
    this.link = link;
    this.keys = keys;
    this.scripts = scripts;
  }

  @Override
  public Optional<VersionedValue> get(String collection, String key) {
    Objects.requireNonNull(key, "key");
    byte[] hash = keys.stateKeys(Objects.requireNonNull(collection, "collection"))[0];
    List<KeyValue<byte[], byte[]>> fields = link.call("read state " + collection + "/" + key,
        c -> c.hmget(hash, field("v:", key), field("n:", key), field("t:", key)));
    if (!fields.get(0).hasValue() || !fields.get(1).hasValue()) {
      return Optional.empty();
    }
    return Optional.of(new VersionedValue(key, fields.get(0).getValue(),
        Long.parseLong(Codec.string(fields.get(1).getValue())), parseTime(fields.get(2).getValueOrElse(null))));
  }

  @Override
  public Optional<VersionedValue> compareAndSet(String collection, String key, long expectedVersion, byte[] value, Instant now) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(now, "now");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must not be negative but was " + expectedVersion);
    }
    Long version = link.eval(scripts.stateCas, ScriptOutputType.INTEGER, keys.stateKeys(collection),
        Codec.text(Objects.requireNonNull(key, "key")), Codec.text(expectedVersion), value, Codec.text(formatTime(now)));
    return version == 0 ? Optional.empty() : Optional.of(new VersionedValue(key, value.clone(), version, now));
  }

  @Override
  public boolean delete(String collection, String key, long expectedVersion) {
    Long deleted = link.eval(scripts.stateDelete, ScriptOutputType.INTEGER, keys.stateKeys(collection),
        Codec.text(Objects.requireNonNull(key, "key")), Codec.text(expectedVersion));
    return deleted == 1L;
  }

  @Override
  public List<VersionedValue> list(String collection, @Nullable String afterKey, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    List<Object> reply = link.eval(scripts.stateList, ScriptOutputType.MULTI, keys.stateKeys(collection),
        Codec.text(afterKey == null ? "" : afterKey), Codec.text(limit), Codec.text(afterKey == null ? "0" : "1"));
    List<VersionedValue> values = new ArrayList<>(reply.size() / 4);
    for (int i = 0; i < reply.size(); i += 4) {
      values.add(new VersionedValue(Codec.string((byte[]) reply.get(i)), (byte[]) reply.get(i + 1), (Long) reply.get(i + 2),
          parseTime((byte[]) reply.get(i + 3))));
    }
    return values;
  }

  private static byte[] field(String kind, String key) {
    return Codec.text(kind + key);
  }

  /** Exact to the nanosecond: Lua never computes with these times, it only keeps them. */
  private static String formatTime(Instant time) {
    return time.getEpochSecond() + "." + time.getNano();
  }

  private static Instant parseTime(byte @Nullable [] text) {
    if (text == null) {
      return Instant.EPOCH;
    }
    String value = Codec.string(text);
    int dot = value.indexOf('.');
    return Instant.ofEpochSecond(Long.parseLong(value.substring(0, dot)), Long.parseLong(value.substring(dot + 1)));
  }

  @Override
  public String toString() {
    return "RedisStateStore[" + keys.prefix() + "]";
  }
}
