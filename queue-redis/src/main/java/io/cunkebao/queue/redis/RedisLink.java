package io.cunkebao.queue.redis;

import io.cunkebao.api.QueueUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The driver's Lettuce client and its shared connection, set up for a queue, and the one place
 * where Lettuce exceptions become {@link QueueUnavailableException}s (keeping the cause).
 *
 * <ul>
 *   <li>Commands issued while disconnected are rejected at once ({@code REJECT_COMMANDS}; on a
 *       Cluster, whose node connections open at their first command, they wait up to the command
 *       timeout instead)
 *       of piling up in Lettuce's buffer, and the buffer is bounded ({@code requestQueueSize}).
 *   <li>Commands in flight when a connection drops are not replayed after the reconnect: their
 *       callers get an error (their outcome is unknown, which every caller of the SPI handles), and
 *       nothing runs twice behind anybody's back.
 *   <li>Every command has a timeout; the blocking read of idle workers gets its block time on top.
 *   <li>TCP keepalive (idle 15 s, then 3 probes 5 s apart; extended options work on NIO since
 *       Java 11) finds dead peers behind silent partitions; auto-reconnect brings the connections
 *       back after a Redis restart. TCP_USER_TIMEOUT is not set: Lettuce needs a native transport
 *       (epoll, io_uring) on the class path for it, which this module does not bring.
 * </ul>
 *
 * <p>Lettuce pipelines the commands of many threads over one connection, so a single shared
 * connection serves every caller; blocking reads get their own ({@link #connectBlocking}).
 */
final class RedisLink implements AutoCloseable {
  /** How long the idle-worker read blocks on the server at most. */
  static final Duration BLOCK = Duration.ofSeconds(1);

  private final AbstractRedisClient client;
  private final SyncConnection connection;
  private final RedisClusterCommands<byte[], byte[]> commands;
  private final String description;

  RedisLink(RedisQueueSettings settings) {
    this.description = settings.toString();
    RedisURI uri;
    try {
      uri = RedisURI.create(settings.redisUri());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Redis URI Lettuce accepts: " + settings + " (" + e.getMessage() + ")", e);
    }
    uri.setTimeout(settings.commandTimeout());
    if (settings.trustedCaFile() != null && !uri.isSsl()) {
      throw new IllegalArgumentException("caFile is for TLS (rediss://) but the URI has no TLS: " + settings);
    }
    this.client = SyncConnection.client(uri, settings.cluster());
    if (client instanceof RedisClusterClient cluster) {
      cluster.setOptions((ClusterClientOptions) options(settings, ClusterClientOptions.builder()));
    } else {
      ((RedisClient) client).setOptions(options(settings, ClientOptions.builder()));
    }
    try {
      this.connection = SyncConnection.open(client);
    } catch (RedisException e) {
      client.shutdown(0, 2, TimeUnit.SECONDS);
      throw unavailable("connect to Redis", e);
    }
    this.commands = connection.commands();
  }

  /** The options for a queue, on a plain or a cluster client's builder. */
  private static ClientOptions options(RedisQueueSettings settings, ClientOptions.Builder builder) {
    if (settings.trustedCaFile() != null) {
      java.io.File caFile = settings.trustedCaFile().toFile();
      if (!caFile.canRead()) {
        throw new IllegalArgumentException("caFile " + caFile + " is not a readable file");
      }
      builder.sslOptions(SslOptions.builder().jdkSslProvider().trustManager(caFile).build());
    }
    Duration timeout = settings.commandTimeout();
    SocketOptions socket = SocketOptions.builder()
        .connectTimeout(timeout)
        .keepAlive(SocketOptions.KeepAliveOptions.builder()
            .enable().idle(Duration.ofSeconds(15)).interval(Duration.ofSeconds(5)).count(3).build())
        .build();
    return builder
        .autoReconnect(true)
        // a cluster client connects to each node lazily, at its first command: rejecting commands
        // while disconnected would reject those; they wait instead, bounded by the request queue
        // and the command timeout
        .disconnectedBehavior(settings.cluster() ? ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS
            : ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .requestQueueSize(settings.requestQueueSize())
        .replayFilter(command -> true)
        .socketOptions(socket)
        .timeoutOptions(TimeoutOptions.builder().timeoutSource(new QueueTimeouts(timeout)).build())
        .build();
  }

  /**
   * Runs a script: EVALSHA, and on NOSCRIPT (a restarted or flushed Redis) SCRIPT LOAD and again.
   *
   * @param script the script
   * @param type the reply's shape
   * @param keys KEYS
   * @param args ARGV
   * @return the reply: byte arrays, longs, lists and nulls
   */
  <T> T eval(LuaScript script, ScriptOutputType type, byte[][] keys, byte[]... args) {
    return call(script.name(), c -> {
      try {
        return c.evalsha(script.sha(), type, keys, args);
      } catch (RedisNoScriptException e) {
        c.scriptLoad(script.source());
        return c.evalsha(script.sha(), type, keys, args);
      }
    });
  }

  /**
   * Runs plain commands on the shared connection.
   *
   * @param what what is being done, for the exception's message
   * @param work the commands
   * @return their result
   */
  <T> T call(String what, Function<RedisClusterCommands<byte[], byte[]>, T> work) {
    try {
      return work.apply(commands);
    } catch (RedisException e) {
      throw unavailable(what, e);
    }
  }

  /** A new connection of its own, for a thread that blocks on the server. */
  SyncConnection connectBlocking() {
    try {
      return SyncConnection.open(client);
    } catch (RedisException e) {
      throw unavailable("connect to Redis for work notifications", e);
    }
  }

  QueueUnavailableException unavailable(String what, RuntimeException cause) {
    return new QueueUnavailableException("Redis queue could not " + what + " (" + description + "): " + cause.getMessage(), cause);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** The command timeout, plus the block time for the blocking read of idle workers. */
  private static final class QueueTimeouts extends TimeoutOptions.TimeoutSource {
    private final long plain;
    private final long blocking;

    QueueTimeouts(Duration timeout) {
      this.plain = timeout.toMillis();
      this.blocking = timeout.plus(BLOCK).toMillis();
    }

    @Override
    public long getTimeout(RedisCommand<?, ?, ?> command) {
      return command.getType() == CommandType.XREAD ? blocking : plain;
    }

    @Override
    public TimeUnit getTimeUnit() {
      return TimeUnit.MILLISECONDS;
    }
  }
}
