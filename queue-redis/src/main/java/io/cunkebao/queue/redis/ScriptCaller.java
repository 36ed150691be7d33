package io.cunkebao.queue.redis;

import io.cunkebao.api.spi.QueueDriverConfig;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs the task scripts of one namespace with what every one of them takes first: all the
 * namespace's keys (plus the day's counters) and ARGV[1..4], that is now, the idempotency window,
 * how many finished tasks are kept and for how long.
 */
final class ScriptCaller {
  /** Microseconds beyond which Lua's doubles lose integers; longer durations mean "forever". */
  private static final long MAX_MICROS = 1L << 52;

  final RedisLink link;
  final RedisKeys keys;
  final Scripts scripts;
  private final byte[] window;
  private final byte[] keep;
  private final byte[] maxAge;

  ScriptCaller(RedisLink link, RedisKeys keys, Scripts scripts, QueueDriverConfig config) {
    this.link = link;
    this.keys = keys;
    this.scripts = scripts;
    this.window = Codec.text(micros(config.idempotencyWindow()));
    this.keep = Codec.text(config.completedRetention());
    this.maxAge = Codec.text(micros(config.completedMaxAge()));
  }

  /**
   * Runs a task script.
   *
   * @param script the script
   * @param type the reply's shape
   * @param now the operation's time
   * @param extra ARGV[5..]
   * @return the reply
   */
  <T> T run(LuaScript script, ScriptOutputType type, Instant now, List<byte[]> extra) {
    byte[][] args = new byte[4 + extra.size()][];
    args[0] = Codec.text(Codec.micros(now));
    args[1] = window;
    args[2] = keep;
    args[3] = maxAge;
    for (int i = 0; i < extra.size(); i++) {
      args[4 + i] = extra.get(i);
    }
    return link.eval(script, type, keys.taskKeys(now), args);
  }

  private static long micros(Duration duration) {
    if (duration.getSeconds() >= MAX_MICROS / 1_000_000) {
      return MAX_MICROS;
    }
    return Math.min(MAX_MICROS, duration.toNanos() / 1_000);
  }
}
