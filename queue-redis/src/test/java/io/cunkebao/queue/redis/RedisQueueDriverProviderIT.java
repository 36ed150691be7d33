package io.cunkebao.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.QueueUnavailableException;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.QueueDriverProvider;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Opening drivers from URIs: providers found by ServiceLoader, options, and failing fast. */
class RedisQueueDriverProviderIT {
  private static final QueueDriverConfig CONFIG = QueueDriverConfig.defaults(ZoneOffset.UTC);

  @Test
  void serviceLoader_findsRedisSchemes() {
    List<String> schemes = ServiceLoader.load(QueueDriverProvider.class).stream().map(p -> p.get().scheme()).toList();

    assertThat(schemes).contains("redis", "rediss", "redis-sentinel", "rediss-sentinel");
  }

  @Test
  void fromUri_takesTheDriverOptionsOutOfTheQuery() {
    RedisQueueSettings settings = RedisQueueSettings.fromUri(URI.create(
        "redis://user:secret@localhost:6380/2?namespace=tenant-a&timeout=5s&commandTimeout=500ms&requestQueueSize=100&maxmemoryPolicyCheck=fail"));

    assertThat(settings.redisUri()).isEqualTo("redis://user:secret@localhost:6380/2?timeout=5s");
    assertThat(settings.namespace()).isEqualTo("tenant-a");
    assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.requestQueueSize()).isEqualTo(100);
    assertThat(settings.memoryPolicyCheck()).isEqualTo(MemoryPolicyCheck.FAIL);
    assertThat(settings.toString()).doesNotContain("secret");
    assertThat(RedisQueueSettings.fromUri(URI.create("redis-sentinel://localhost:26379/0#mymaster")).redisUri())
        .isEqualTo("redis-sentinel://localhost:26379/0#mymaster");
    assertThatThrownBy(() -> RedisQueueSettings.fromUri(URI.create("redis://h?namespace=a%7Bb")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace");
    assertThatThrownBy(() -> RedisQueueSettings.fromUri(URI.create("redis://h?commandTimeout=soon")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commandTimeout");
  }

  @Test
  void open_throughTheProvider_runsOnRealRedis() {
    try (RedisServerFixture redis = RedisServerFixture.start();
        QueueDriver driver = new RedisQueueDriverProvider().open(URI.create(redis.uri() + "?namespace=provider"), CONFIG)) {
      assertThat(driver).isInstanceOf(RedisQueueDriver.class);
      assertThat(driver.isQueuePaused("q")).isFalse();
    }
    assertThatThrownBy(() -> new RedisQueueDriverProvider().open(URI.create("memory:default"), CONFIG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis");
  }

  @Test
  void open_nobodyListening_queueUnavailableWithinTheTimeout() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    long start = System.nanoTime();
    String uri = "redis://127.0.0.1:" + port + "?commandTimeout=2s";

    assertThatThrownBy(() -> new RedisQueueDriverProvider().open(URI.create(uri), CONFIG))
        .isInstanceOf(QueueUnavailableException.class).hasCauseInstanceOf(RuntimeException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void open_memoryPolicyNotNoeviction_failsWhenAskedTo() {
    try (RedisServerFixture redis = RedisServerFixture.start()) {
      RedisQueueDriver probe = RedisQueueDriver.open(RedisQueueSettings.of(redis.uri(), "probe"), CONFIG);
      probe.close();
      String uri = redis.uri() + "?maxmemoryPolicyCheck=fail";
      redisConfigSet(redis, "allkeys-lru");

      assertThatThrownBy(() -> new RedisQueueDriverProvider().open(URI.create(uri), CONFIG))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("allkeys-lru");
      new RedisQueueDriverProvider().open(URI.create(redis.uri() + "?maxmemoryPolicyCheck=warn"), CONFIG).close();
    }
  }

  private static void redisConfigSet(RedisServerFixture redis, String policy) {
    try (io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.uri());
        var connection = client.connect()) {
      connection.sync().configSet("maxmemory-policy", policy);
    }
  }
}
