package io.cunkebao.queue.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The key names of one namespace, in the order the task scripts expect them in {@code KEYS}
 * ({@code lib.lua}). Every name starts with {@code cbk:{namespace}:}, so all of them hash to one
 * Cluster slot. The layout is documented on {@link RedisQueueDriver}.
 */
final class RedisKeys {
  private static final String[] TASK_KEYS = {
    "task", "env", "ckpt", "prog", "err", "ready", "delayed", "leases", "parked", "parkq",
    "freed", "res", "dead", "done", "window", "idem", "paused", "counts", "meta", "wake", "seatready"
  };
  private static final int WAKE = 19;

  private final String prefix;
  private final byte[][] fixed;
  private final ZoneId zone;

  RedisKeys(String namespace, ZoneId zone) {
    this.prefix = "cbk:{" + namespace + "}:";
    this.zone = zone;
    this.fixed = new byte[TASK_KEYS.length][];
    for (int i = 0; i < TASK_KEYS.length; i++) {
      fixed[i] = bytes(prefix + TASK_KEYS[i]);
    }
  }

  /** The prefix every key of the namespace starts with: {@code cbk:{namespace}:}. */
  String prefix() {
    return prefix;
  }

  /**
   * The keys of a task script: the fixed ones plus the daily counters of {@code now}'s day.
   *
   * @param now the operation's time
   * @return a fresh array, KEYS[1..22]
   */
  byte[][] taskKeys(Instant now) {
    byte[][] keys = new byte[fixed.length + 1][];
    System.arraycopy(fixed, 0, keys, 0, fixed.length);
    keys[fixed.length] = bytes(prefix + "day:" + LocalDate.ofInstant(now, zone));
    return keys;
  }

  /** @return the stream idle workers block on */
  byte[] wake() {
    return fixed[WAKE];
  }

  /** @return the set of paused queue names */
  byte[] paused() {
    return fixed[16];
  }

  /** @return the hash of counters: {@code seq}, {@code fence}, {@code trimmed} */
  byte[] meta() {
    return fixed[18];
  }

  /**
   * The keys of a state-store collection: its hash of entries and its key index.
   *
   * @param collection the collection
   * @return KEYS[1..2] of the state scripts
   */
  byte[][] stateKeys(String collection) {
    return new byte[][] {bytes(prefix + "store:" + collection), bytes(prefix + "store-keys:" + collection)};
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
