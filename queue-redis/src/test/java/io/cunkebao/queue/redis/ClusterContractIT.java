package io.cunkebao.queue.redis;

import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.contract.QueueDriverContractTest;
import java.net.URI;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The queue-driver contract on a 3-master Redis Cluster, through Lettuce's cluster client
 * ({@code cluster=true}); each test's namespace hashes to some master, so the suite runs on all
 * three.
 */
class ClusterContractIT extends QueueDriverContractTest {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static RedisClusterFixture cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RedisClusterFixture.start();
    System.out.println("contract suite against a 3-master cluster at " + cluster.uri());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected QueueDriver newDriver(QueueDriverConfig config) {
    String uri = cluster.uri() + "&namespace=cluster-" + NAMESPACES.incrementAndGet();
    return RedisQueueDriver.open(RedisQueueSettings.fromUri(URI.create(uri)), config);
  }

  @Override
  protected OptionalLong trimmedCount(QueueDriver trimming) {
    return OptionalLong.of(((RedisQueueDriver) trimming).trimmedCount());
  }
}
