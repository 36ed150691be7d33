package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.core.EngineTimer;
import io.cunkebao.core.Schedulers;
import io.cunkebao.core.engine.TestPayloads.Msg;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The concurrency limit holds with real threads everywhere: a multi-threaded timer, more worker
 * threads than the limit, and attempts that finish (and so dispatch) on other threads.
 */
class ConcurrencyLimitTest {

  @Test
  void manyThreads_neverMoreAttemptsThanMaxConcurrency() throws Exception {
    int tasks = 2_000;
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(tasks);
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
    ExecutorService workers = Executors.newFixedThreadPool(16);
    ExecutorService completers = Executors.newFixedThreadPool(4);
    TaskType<Msg> async = TaskType.builder("test:async", Msg.class).asyncHandler((p, ctx) -> {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      return CompletableFuture.runAsync(() -> {
        inside.decrementAndGet();
        done.countDown();
      }, completers);
    }).build();
    try (TaskScheduler engine = Schedulers.builder().taskTypes(async).maxConcurrency(3)
        .timer(EngineTimer.of(timer)).workerExecutor(workers).build()) {
      engine.start();
      for (int i = 0; i < tasks; i++) {
        engine.submit(TaskRequest.of(async, new Msg("m" + i)));
      }
      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      timer.shutdownNow();
      workers.shutdownNow();
      completers.shutdownNow();
    }
    assertThat(most.get()).isBetween(1, 3);
  }
}
