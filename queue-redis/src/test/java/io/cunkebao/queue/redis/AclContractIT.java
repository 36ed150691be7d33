package io.cunkebao.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.contract.QueueDriverContractTest;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The queue-driver contract as an ACL user that may touch only keys {@code cbk:{acl-*}:*} (the
 * suite's namespaces) with only the commands in {@link AclUser#COMMANDS}; afterwards Redis's ACL
 * log must hold no denial.
 */
class AclContractIT extends QueueDriverContractTest {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static RedisServerFixture redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServerFixture.start();
    AclUser.create(redis.uri(), "queue", "s3cret", "cbk:{acl-*}:*");
  }

  @AfterAll
  static void stopRedis() {
    try {
      assertThat(AclUser.log(redis.uri())).as("ACL denials while the contract suite ran").isEmpty();
    } finally {
      redis.close();
    }
  }

  @Override
  protected QueueDriver newDriver(QueueDriverConfig config) {
    String uri = redis.uri("queue", "s3cret") + "?namespace=acl-" + NAMESPACES.incrementAndGet() + "&maxmemoryPolicyCheck=off";
    return RedisQueueDriver.open(RedisQueueSettings.fromUri(java.net.URI.create(uri)), config);
  }

  @Override
  protected OptionalLong trimmedCount(QueueDriver trimming) {
    return OptionalLong.of(((RedisQueueDriver) trimming).trimmedCount());
  }
}
