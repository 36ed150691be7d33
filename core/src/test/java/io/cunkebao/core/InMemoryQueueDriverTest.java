package io.cunkebao.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.QueueUnavailableException;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.QueueDriverProvider;
import io.cunkebao.api.spi.WorkNotifications;
import io.cunkebao.core.contract.QueueDriverContractTest;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The queue-driver contract on {@link InMemoryQueueDriver}, plus what only the in-memory driver does. */
class InMemoryQueueDriverTest extends QueueDriverContractTest {

  @Override
  protected QueueDriver newDriver(QueueDriverConfig config) {
    return new InMemoryQueueDriver(config);
  }

  @Override
  protected OptionalLong trimmedCount(QueueDriver trimming) {
    return OptionalLong.of(((InMemoryQueueDriver) trimming).trimmedCount());
  }

  @Test
  void retention_beyondTheAge_trimmedAndCounted() {
    InMemoryQueueDriver aging = (InMemoryQueueDriver) open(
        new QueueDriverConfig(Duration.ZERO, 1_000, Duration.ofHours(1), ZoneOffset.UTC, Map.of()));
    aging.enqueue(task("old").build(), now());
    aging.ack(aging.claim(request(List.of(QUEUE), 1, Map.of())).get(0).lease(), now());
    clock.advance(Duration.ofMinutes(59));
    aging.enqueue(task("young").build(), now());
    aging.cancel(TaskId.of("young"), now());
    assertThat(aging.find(TaskId.of("old"))).isPresent();

    clock.advance(Duration.ofMinutes(1));
    aging.claim(request(List.of(QUEUE), 1, Map.of()));

    assertThat(aging.find(TaskId.of("old"))).isEmpty();
    assertThat(aging.find(TaskId.of("young"))).isPresent();
    assertThat(aging.trimmedCount()).isEqualTo(1);
  }

  @Test
  void retention_trimmedTaskInsideWindow_idStillDeduplicates() {
    InMemoryQueueDriver small = (InMemoryQueueDriver) open(
        new QueueDriverConfig(WINDOW, 0, Duration.ofDays(1), ZoneOffset.UTC, Map.of()));
    small.enqueue(task("a").build(), now());
    small.cancel(TaskId.of("a"), now());
    assertThat(small.find(TaskId.of("a"))).isEmpty();

    assertThat(small.enqueue(task("a").build(), now())).isEqualTo(new EnqueueResult(TaskId.of("a"), false));
    clock.advance(WINDOW);
    assertThat(small.enqueue(task("a").build(), now())).isEqualTo(new EnqueueResult(TaskId.of("a"), true));
    assertThat(small.find(TaskId.of("a"))).hasValueSatisfying(t -> assertThat(t.status()).isEqualTo(TaskStatus.PENDING));
  }

  @Test
  void enqueue_idOfFinishedTaskAfterWindow_newTaskTakesTheId() {
    enqueue(task("a"));
    driver.ack(claimOne().lease(), now());
    clock.advance(WINDOW);

    assertThat(enqueue(task("a").payload("{\"new\":true}")).created()).isTrue();

    assertThat(find("a").status()).isEqualTo(TaskStatus.PENDING);
    assertThat(claimOne().attempt()).isEqualTo(1);
  }

  @Test
  void provider_foundByServiceLoader_opensMemoryDrivers() {
    QueueDriverProvider provider = ServiceLoader.load(QueueDriverProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.scheme().equals("memory"))
        .findFirst()
        .orElseThrow();

    try (QueueDriver opened = provider.open(URI.create("memory:default"), config())) {
      assertThat(opened).isInstanceOf(InMemoryQueueDriver.class);
      assertThat(provider.apiVersion()).isEqualTo("1");
    }
    assertThatThrownBy(() -> provider.open(URI.create("redis://localhost"), config()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis");
  }

  @Test
  void close_idempotent_laterCallsRefused() {
    driver.close();
    driver.close();

    assertThatThrownBy(() -> driver.find(TaskId.of("a"))).isInstanceOf(QueueUnavailableException.class);
  }

  @Test
  void workNotifications_resourceFreed_notifiesAndUnsubscribeStops() throws Exception {
    WorkNotifications notifications = driver.workNotifications().orElseThrow();
    enqueue(task("a1").resource("account", "wx1"));
    enqueue(task("a2").resource("account", "wx1"));
    Lease first = driver.claim(request(List.of(QUEUE), 10, Map.of("account", 1))).get(0).lease();
    AtomicInteger calls = new AtomicInteger();
    AutoCloseable subscription = notifications.subscribe(calls::incrementAndGet);

    driver.ack(first, now());
    assertThat(calls).hasValue(1);
    subscription.close();
    enqueue(task("b"));
    assertThat(calls).hasValue(1);
  }

  @Test
  void workNotifications_failingListener_doesNotFailTheOperation() {
    driver.workNotifications().orElseThrow().subscribe(() -> {
      throw new IllegalStateException("listener bug");
    });

    assertThat(enqueue(task("a")).created()).isTrue();
  }

  @Test
  void workNotifications_listenerMayCallBackIntoTheDriver() {
    AtomicInteger claimed = new AtomicInteger();
    driver.workNotifications().orElseThrow().subscribe(() -> claimed.addAndGet(claim(10).size()));

    enqueue(task("a"));

    assertThat(claimed).hasValue(1);
  }

  @Test
  void nextDueAt_includesLeaseExpiry_andSkipsPausedQueues() {
    WorkNotifications notifications = driver.workNotifications().orElseThrow();
    enqueue(task("a"));
    ClaimedTask running = claimOne();
    enqueue(task("later").delay(Duration.ofMinutes(5)));

    assertThat(notifications.nextDueAt(List.of(QUEUE), now())).contains(running.lease().expiresAt().plusNanos(1));
    driver.ack(running.lease(), now());
    driver.pauseQueue(QUEUE);
    assertThat(notifications.nextDueAt(List.of(QUEUE), now())).isEmpty();
  }
}
