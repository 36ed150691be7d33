package io.cunkebao.queue.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis ACL user limited to key patterns and to the commands the driver needs, set up through
 * the default (admin) user of a test server. {@link #COMMANDS} is the list the README documents.
 */
final class AclUser {
  /**
   * Every command the driver sends, and every command its scripts call (Redis checks both against
   * the user's ACL): connecting, scripts, the wake stream, the direct reads.
   */
  static final List<String> COMMANDS = List.of(
      "+hello", "+ping", "+client|setname",
      "+evalsha", "+script|load", "+xread", "+xrevrange", "+hget", "+hmget", "+sismember",
      "+hset", "+hdel", "+hincrby", "+expire", "+sadd", "+srem", "+xadd",
      "+zadd", "+zrem", "+zcard", "+zrange", "+zrangebylex", "+zrangebyscore");

  /** On Redis 7.2 or newer: {@code CLIENT SETINFO}, which Lettuce sends when it connects. */
  static final String SETINFO = "+client|setinfo";

  private AclUser() {}

  /**
   * Creates (or resets) a user.
   *
   * @param adminUri a URI of the server's default user
   * @param name the user
   * @param password its password
   * @param keyPatterns its key patterns, such as {@code cbk:{tenant-a}:*}
   */
  static void create(String adminUri, String name, String password, String... keyPatterns) {
    List<String> rules = new ArrayList<>(List.of("SETUSER", name, "reset", "on", ">" + password, "resetchannels", "-@all"));
    for (String pattern : keyPatterns) {
      rules.add("~" + pattern);
    }
    rules.addAll(COMMANDS);
    admin(adminUri, c -> {
      String version = c.sync().info("server").replaceAll("(?s).*redis_version:(\\d+\\.\\d+).*", "$1");
      if (Double.parseDouble(version) >= 7.2) {
        rules.add(SETINFO); // Lettuce names itself on connect; the subcommand exists since Redis 7.2
      }
      return c.sync().dispatch(CommandType.ACL, new StatusOutput<>(StringCodec.UTF8), args(rules));
    });
  }

  /** The entries of {@code ACL LOG} (what was denied), as text. */
  static List<Object> log(String adminUri) {
    return admin(adminUri, c -> c.sync().dispatch(CommandType.ACL, new NestedMultiOutput<>(StringCodec.UTF8), args(List.of("LOG"))));
  }

  /** Empties {@code ACL LOG}. */
  static void resetLog(String adminUri) {
    admin(adminUri, c -> c.sync().dispatch(CommandType.ACL, new StatusOutput<>(StringCodec.UTF8), args(List.of("LOG", "RESET"))));
  }

  private static CommandArgs<String, String> args(List<String> words) {
    CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
    words.forEach(args::add);
    return args;
  }

  private static <T> T admin(String adminUri, java.util.function.Function<StatefulRedisConnection<String, String>, T> work) {
    RedisClient client = RedisClient.create(adminUri);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return work.apply(connection);
    } finally {
      client.shutdown();
    }
  }
}
