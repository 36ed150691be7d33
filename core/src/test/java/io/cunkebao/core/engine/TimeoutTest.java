package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.StopReason;
import io.cunkebao.api.TaskContext;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.TimeoutPolicy;
import io.cunkebao.core.engine.TestPayloads.Msg;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutTest {
  private final AtomicReference<TaskContext> context = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<Void>> stage = new AtomicReference<>();
  private EngineFixture fx;
  private ExecutorService workers;

  @AfterEach
  void close() {
    fx.close();
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  @Test
  void asyncAttempt_pastSeedTimeout_failsWithTimeoutAndSignalsCancellation() {
    TaskType<Msg> hang = TaskType.builder("device:hang", Msg.class).asyncHandler((p, ctx) -> {
      context.set(ctx);
      stage.set(new CompletableFuture<>());
      return stage.get();
    }).build();
    fx = EngineFixture.start(b -> b.taskTypes(hang));
    TaskId id = fx.submit(TaskRequest.of(hang, new Msg("x")));
    assertThat(context.get().deadline()).isEqualTo(fx.clock.instant().plusSeconds(300));

    fx.advance(Duration.ofSeconds(299));
    assertThat(fx.status(id)).isEqualTo(TaskStatus.RUNNING);
    fx.advance(Duration.ofSeconds(1));

    assertThat(fx.status(id)).isEqualTo(TaskStatus.PENDING);
    assertThat(fx.info(id).lastError()).isEqualTo("timeout");
    assertThat(context.get().isCancelled()).isTrue();
    assertThat(context.get().stopReason()).contains(StopReason.TIMEOUT);
    assertThat(context.get().whenCancelled().toCompletableFuture()).isCompletedWithValue(StopReason.TIMEOUT);
    assertThat(fx.engine.snapshot().processing()).isZero();
  }

  @Test
  void blockingAttempt_pastTimeout_isInterruptedAfterGrace() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch exited = new CountDownLatch(1);
    TaskType<Msg> block = TaskType.of("device:block", Msg.class, (p, ctx) -> {
      entered.countDown();
      try {
        new CountDownLatch(1).await(); // a handler that ignores the cancel signal
      } catch (InterruptedException e) {
        interrupted.set(true);
        throw e;
      } finally {
        exited.countDown();
      }
    });
    workers = Executors.newFixedThreadPool(2);
    fx = EngineFixture.startWithRealWorkers(b -> b.taskTypes(block).workerExecutor(workers));
    TaskId id = fx.submit(TaskRequest.builder(block, new Msg("x"))
        .timeout(new TimeoutPolicy(Duration.ofSeconds(10), Duration.ofSeconds(5))).build());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    fx.advance(Duration.ofSeconds(10));
    assertThat(fx.status(id)).isEqualTo(TaskStatus.PENDING);
    assertThat(fx.info(id).lastError()).isEqualTo("timeout");
    assertThat(interrupted).isFalse();
    assertThat(fx.engine.snapshot().busyWorkers()).isEqualTo(1); // the thread is still held

    fx.advance(Duration.ofSeconds(5));
    assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> fx.engine.snapshot().busyWorkers() == 0);
  }

  /** Regression: a retry of a timed-out attempt must wait until the old handler has returned. */
  @Test
  void retryAfterTimeout_waitsForTheOldHandlerToReturn_taskLock() throws Exception {
    java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger mostInside = new java.util.concurrent.atomic.AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch secondRan = new CountDownLatch(1);
    TaskType<Msg> stubborn = TaskType.of("device:stubborn", Msg.class, (p, ctx) -> {
      mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        if (ctx.attempt() == 1) {
          while (true) { // ignores the stop signal and every interrupt until released
            try {
              if (release.await(10, TimeUnit.SECONDS)) {
                break;
              }
            } catch (InterruptedException ignored) {
              // keep blocking, like a badly written handler
            }
          }
        } else {
          secondRan.countDown();
        }
      } finally {
        inside.decrementAndGet();
      }
    });
    workers = Executors.newFixedThreadPool(3);
    fx = EngineFixture.startWithRealWorkers(b -> b.taskTypes(stubborn).workerExecutor(workers));
    TaskId id = fx.submit(TaskRequest.builder(stubborn, new Msg("x"))
        .timeout(new TimeoutPolicy(Duration.ofSeconds(10), Duration.ofSeconds(1)))
        .retry(io.cunkebao.api.RetryPolicy.delays(Duration.ofSeconds(1))).build());
    await().atMost(Duration.ofSeconds(10)).until(() -> inside.get() == 1);

    fx.advance(Duration.ofSeconds(10)); // timeout: retry due in 1 s
    fx.advance(Duration.ofSeconds(2));  // the retry is claimed while attempt 1 still blocks
    assertThat(secondRan.await(200, TimeUnit.MILLISECONDS)).isFalse();

    release.countDown();
    assertThat(secondRan.await(10, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> fx.status(id) == TaskStatus.COMPLETED);
    assertThat(mostInside).hasValue(1);
  }

  @Test
  void cooperativeHandler_checksCancellationAndStops() {
    TaskType<Msg> polite = TaskType.builder("device:polite", Msg.class).asyncHandler((p, ctx) -> {
      context.set(ctx);
      CompletableFuture<Void> done = new CompletableFuture<>();
      ctx.whenCancelled().thenRun(() -> done.completeExceptionally(new IllegalStateException("stopped early")));
      return done;
    }).build();
    fx = EngineFixture.start(b -> b.taskTypes(polite));
    TaskId id = fx.submit(TaskRequest.builder(polite, new Msg("x")).timeout(TimeoutPolicy.of(Duration.ofSeconds(5))).build());
    fx.advance(Duration.ofSeconds(5));

    assertThat(fx.info(id).lastError()).isEqualTo("timeout");
    assertThat(fx.info(id).attempts()).isEqualTo(1);
  }
}
