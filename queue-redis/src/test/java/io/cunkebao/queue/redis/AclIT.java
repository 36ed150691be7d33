package io.cunkebao.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.QueueUnavailableException;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.StateStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An ACL user limited to one namespace's keys ({@code ~cbk:{tenant-a}:*}) and the driver's
 * commands runs two engines, the state store and the statistics with no denial, and cannot use
 * another namespace.
 */
class AclIT {
  private static final int TASKS = 2_000;
  private static RedisServerFixture redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServerFixture.start();
    AclUser.create(redis.uri(), "tenant-a", "pw-a", "cbk:{tenant-a}:*");
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void userLimitedToTheNamespace_doesAllTheDriversWork() {
    Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
    String uri = redis.uri("tenant-a", "pw-a") + "?maxmemoryPolicyCheck=off";
    try (EngineHarness harness = new EngineHarness(uri, "tenant-a")) {
      TaskType<Job> type = EngineHarness.type((job, ctx) -> runs.computeIfAbsent(job.n(), n -> new AtomicInteger()).incrementAndGet());
      TaskScheduler first = harness.engine("acl-a", 8, Duration.ofSeconds(10), type);
      harness.engine("acl-b", 8, Duration.ofSeconds(10), type);
      IntStream.range(0, TASKS).parallel().forEach(n -> first.submit(TaskRequest.builder(type, new Job(n)).id(TaskId.of("acl-" + n)).build()));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> first.snapshot().completedToday() >= TASKS);

      StateStore store = harness.driver().stateStore().orElseThrow();
      assertThat(store.compareAndSet("schedules", "s", 0, "v".getBytes(StandardCharsets.UTF_8), Instant.now())).isPresent();
      assertThat(store.list("schedules", null, 10)).hasSize(1);
      assertThat(runs).hasSize(TASKS);
      assertThat(runs.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
      assertThat(first.snapshot().queueLength()).isZero();
    }
    assertThat(AclUser.log(redis.uri())).as("ACL denials").isEmpty();
  }

  @Test
  void userLimitedToTheNamespace_cannotUseAnother() {
    String uri = redis.uri("tenant-a", "pw-a") + "?namespace=tenant-b&maxmemoryPolicyCheck=off";
    try (RedisQueueDriver driver = RedisQueueDriver.open(RedisQueueSettings.fromUri(URI.create(uri)), QueueDriverConfig.defaults(ZoneOffset.UTC))) {
      assertThatThrownBy(() -> driver.stats(java.util.List.of("default"), Instant.now()))
          .isInstanceOf(QueueUnavailableException.class)
          .hasMessageContaining("NOPERM");
    } finally {
      AclUser.resetLog(redis.uri()); // the denial above was the point; the other test checks the log is clean
    }
  }
}
