package io.cunkebao.queue.redis;

import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.contract.QueueDriverContractTest;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The queue-driver contract over TLS: a redis-server that speaks only TLS, with a certificate made
 * at test time, and the driver trusting that CA through {@code caFile} (verification on: the
 * default). Aborted, and so reported as skipped, only when redis-server or openssl lacks TLS.
 */
class TlsContractIT extends QueueDriverContractTest {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static RedisServerFixture redis;
  private static TestPki pki;

  @BeforeAll
  static void startRedis() {
    pki = TestPki.create("trusted");
    redis = RedisServerFixture.startTls(pki.serverCertificate(), pki.serverKey(), pki.ca());
    System.out.println("contract suite over TLS against " + redis + " at " + redis.uri());
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  protected QueueDriver newDriver(QueueDriverConfig config) {
    RedisQueueSettings settings = RedisQueueSettings.of(redis.uri(), "tls-" + NAMESPACES.incrementAndGet()).withTrustedCaFile(pki.ca());
    return RedisQueueDriver.open(settings, config);
  }

  @Override
  protected OptionalLong trimmedCount(QueueDriver trimming) {
    return OptionalLong.of(((RedisQueueDriver) trimming).trimmedCount());
  }
}
