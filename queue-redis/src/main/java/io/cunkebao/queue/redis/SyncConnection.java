package io.cunkebao.queue.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * A connection and its synchronous commands, to one Redis or to a Redis Cluster: the driver uses
 * only the commands both have ({@link RedisClusterCommands}); on a cluster, Lettuce routes each by
 * its key's slot, and SCRIPT LOAD goes to every node.
 *
 * @param stateful the connection, closed by {@link #close()}
 * @param commands its synchronous commands
 */
record SyncConnection(StatefulConnection<byte[], byte[]> stateful, RedisClusterCommands<byte[], byte[]> commands)
    implements AutoCloseable {

  /** Connects with a client made by {@link #client}. */
  static SyncConnection open(AbstractRedisClient client) {
    if (client instanceof RedisClusterClient cluster) {
      StatefulRedisClusterConnection<byte[], byte[]> c = cluster.connect(ByteArrayCodec.INSTANCE);
      return new SyncConnection(c, c.sync());
    }
    var c = ((RedisClient) client).connect(ByteArrayCodec.INSTANCE);
    return new SyncConnection(c, c.sync());
  }

  /** A cluster client (the URI names one or more seed nodes) or a standalone or Sentinel one. */
  static AbstractRedisClient client(RedisURI uri, boolean cluster) {
    return cluster ? RedisClusterClient.create(uri) : RedisClient.create(uri);
  }

  @Override
  public void close() {
    stateful.close();
  }
}
