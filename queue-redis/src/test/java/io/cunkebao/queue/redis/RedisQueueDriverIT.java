package io.cunkebao.queue.redis;

import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.contract.QueueDriverContractTest;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The queue-driver contract on {@link RedisQueueDriver} against a real redis-server. Each driver
 * gets a namespace of its own, so every test starts from an empty queue without a flush.
 */
class RedisQueueDriverIT extends QueueDriverContractTest {
  private static RedisServerFixture redis;
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  @BeforeAll
  static void startRedis() {
    redis = RedisServerFixture.start();
    System.out.println("contract suite against " + redis);
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Override
  protected QueueDriver newDriver(QueueDriverConfig config) {
    return RedisQueueDriver.open(RedisQueueSettings.of(redis.uri(), "contract-" + NAMESPACES.incrementAndGet()), config);
  }

  @Override
  protected OptionalLong trimmedCount(QueueDriver trimming) {
    return OptionalLong.of(((RedisQueueDriver) trimming).trimmedCount());
  }
}
