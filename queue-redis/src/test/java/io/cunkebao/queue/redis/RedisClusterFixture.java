package io.cunkebao.queue.redis;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A 3-master Redis Cluster of redis-server processes on free loopback ports (each port + 10000,
 * the cluster bus, free too): slots split in three, nodes introduced with CLUSTER MEET, ready once
 * every node reports {@code cluster_state:ok}. Stops every process it started, by pid.
 */
final class RedisClusterFixture implements AutoCloseable {
  private static final int SLOTS = 16384;
  private final List<RedisServerFixture> nodes = new ArrayList<>();

  private RedisClusterFixture() {}

  static RedisClusterFixture start() {
    RedisClusterFixture cluster = new RedisClusterFixture();
    try {
      for (int port : freePortsWithBus(3)) {
        cluster.nodes.add(RedisServerFixture.startOnPort(port, List.of("--save", "", "--appendonly", "no",
            "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "5000")));
      }
      cluster.form();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void form() {
    for (int i = 0; i < nodes.size(); i++) {
      int from = SLOTS * i / nodes.size();
      int to = SLOTS * (i + 1) / nodes.size();
      int[] slots = IntStream.range(from, to).toArray();
      on(nodes.get(i), c -> c.clusterAddSlots(slots));
    }
    for (RedisServerFixture other : nodes.subList(1, nodes.size())) {
      on(nodes.get(0), c -> c.clusterMeet("127.0.0.1", other.port()));
    }
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
        nodes.stream().allMatch(n -> on(n, c -> c.clusterInfo()).contains("cluster_state:ok")
            && on(n, c -> c.clusterInfo()).contains("cluster_known_nodes:" + nodes.size())));
  }

  /** @return a seed URI with the cluster option: {@code redis://127.0.0.1:port?cluster=true} */
  String uri() {
    return nodes.get(0).uri() + "?cluster=true";
  }

  List<RedisServerFixture> nodes() {
    return nodes;
  }

  /** Runs commands on one node (a plain connection, not following redirects). */
  static <T> T on(RedisServerFixture node, java.util.function.Function<RedisCommands<String, String>, T> work) {
    RedisClient client = RedisClient.create(node.uri());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return work.apply(c.sync());
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  /** Free ports whose cluster bus port (+10000) is free too, all below the ephemeral range. */
  private static List<Integer> freePortsWithBus(int count) {
    List<Integer> ports = new ArrayList<>();
    while (ports.size() < count) {
      int port = TestPorts.free(10_000, 22_000, 10_000);
      if (!ports.contains(port)) {
        ports.add(port);
      }
    }
    return ports;
  }


  @Override
  public void close() {
    nodes.forEach(RedisServerFixture::close);
  }
}
