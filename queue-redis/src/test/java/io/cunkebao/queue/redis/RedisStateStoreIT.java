package io.cunkebao.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.StateStore;
import io.cunkebao.api.spi.VersionedValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The state store on Redis: compare-and-set on versions, deletes, and listing in key order. */
class RedisStateStoreIT {
  private static final Instant NOW = Instant.parse("2026-01-05T02:00:00.123456789Z");
  private static RedisServerFixture redis;
  private static RedisQueueDriver driver;
  private static RedisQueueDriver other;

  @BeforeAll
  static void start() {
    redis = RedisServerFixture.start();
    driver = RedisQueueDriver.open(RedisQueueSettings.of(redis.uri(), "store"), QueueDriverConfig.defaults(ZoneOffset.UTC));
    other = RedisQueueDriver.open(RedisQueueSettings.of(redis.uri(), "store"), QueueDriverConfig.defaults(ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    driver.close();
    other.close();
    redis.close();
  }

  @Test
  void compareAndSet_createThenAdvance_versionsGrowAndRacesLose() {
    StateStore store = driver.stateStore().orElseThrow();
    StateStore shared = other.stateStore().orElseThrow();

    VersionedValue created = store.compareAndSet("schedules", "daily", 0, bytes("v1"), NOW).orElseThrow();
    assertThat(created.version()).isEqualTo(1);
    assertThat(shared.compareAndSet("schedules", "daily", 0, bytes("again"), NOW)).as("must not exist").isEmpty();
    assertThat(shared.compareAndSet("schedules", "daily", 1, bytes("v2"), NOW.plusSeconds(1))).isPresent();
    assertThat(store.compareAndSet("schedules", "daily", 1, bytes("stale"), NOW)).as("lost the race").isEmpty();

    VersionedValue read = store.get("schedules", "daily").orElseThrow();
    assertThat(read).isEqualTo(new VersionedValue("daily", bytes("v2"), 2, NOW.plusSeconds(1)));
    assertThat(store.get("schedules", "absent")).isEmpty();
    assertThat(store.get("workflows", "daily")).isEmpty();
  }

  @Test
  void delete_onlyAtTheExpectedVersion() {
    StateStore store = driver.stateStore().orElseThrow();
    store.compareAndSet("del", "k", 0, bytes("x"), NOW);

    assertThat(store.delete("del", "k", 5)).isFalse();
    assertThat(store.delete("del", "k", 1)).isTrue();
    assertThat(store.get("del", "k")).isEmpty();
    assertThat(store.compareAndSet("del", "k", 0, bytes("y"), NOW)).as("created afresh").isPresent();
  }

  @Test
  void list_inKeyOrder_afterAKey_upToTheLimit() {
    StateStore store = driver.stateStore().orElseThrow();
    for (String key : new String[] {"c", "a", "d", "b"}) {
      store.compareAndSet("list", key, 0, bytes(key), NOW);
    }

    assertThat(store.list("list", null, 10)).extracting(VersionedValue::key).containsExactly("a", "b", "c", "d");
    assertThat(store.list("list", "b", 1)).extracting(VersionedValue::key).containsExactly("c");
    assertThat(store.list("list", "d", 10)).isEmpty();
    assertThat(store.list("empty", null, 10)).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
