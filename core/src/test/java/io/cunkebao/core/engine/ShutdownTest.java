package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.TaskEvent.Kind;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.InMemoryQueueDriverProvider;
import io.cunkebao.core.engine.TestPayloads.Msg;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShutdownTest {
  private final QueueDriver shared = new InMemoryQueueDriverProvider().open(URI.create("memory:default"), QueueDriverConfig.defaults(ZoneOffset.UTC));
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final TaskType<Msg> slow = TaskType.of("test:slow", Msg.class, (p, ctx) -> {
    entered.countDown();
    release.await();
  });

  @AfterEach
  void close() {
    release.countDown();
    workers.shutdownNow();
    shared.close();
  }

  @Test
  void shutdown_attemptFinishesInTime_cleanAndCompleted() throws Exception {
    EngineFixture fx = EngineFixture.startWithRealWorkers(b -> b.queue(shared).taskTypes(slow).workerExecutor(workers));
    TaskId id = fx.submit(TaskRequest.of(slow, new Msg("x")));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    release.countDown();
    assertThat(fx.engine.shutdown(Duration.ofSeconds(10))).isTrue();
    assertThat(shared.find(id).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void shutdown_attemptStillRunning_handedBackWithoutUsingAnAttempt() throws Exception {
    EngineFixture fx = EngineFixture.startWithRealWorkers(b -> b.queue(shared).taskTypes(slow).workerExecutor(workers));
    TaskId id = fx.submit(TaskRequest.of(slow, new Msg("x")));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(fx.engine.shutdown(Duration.ofMillis(50))).isFalse();

    var stored = shared.find(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(stored.attempts()).isZero();
    assertThat(fx.events.kinds(id)).endsWith(Kind.RELEASED);
  }

  @Test
  void close_twice_isHarmless() {
    EngineFixture fx = EngineFixture.start(b -> b.queue(shared).taskTypes(slow));
    fx.close();
    fx.close();
  }
}
