package io.cunkebao.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two engines on one Redis share one queue: every task runs exactly once, and both do work. */
class TwoEnginesIT {
  private static final int TASKS = 5_000;
  private static RedisServerFixture redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServerFixture.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void twoEngines_5000Tasks_eachCompletedExactlyOnce() {
    Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> byEngine = new ConcurrentHashMap<>();
    try (EngineHarness harness = new EngineHarness(redis.uri(), "two-engines")) {
      TaskType<Job> a = EngineHarness.type((job, ctx) -> record(runs, byEngine, job, "a"));
      TaskType<Job> b = EngineHarness.type((job, ctx) -> record(runs, byEngine, job, "b"));
      TaskScheduler first = harness.engine("engine-a", 8, Duration.ofSeconds(10), a);
      harness.engine("engine-b", 8, Duration.ofSeconds(10), b);

      long start = System.nanoTime();
      IntStream.range(0, TASKS).parallel().forEach(n ->
          first.submit(TaskRequest.builder(a, new Job(n)).id(TaskId.of("job-" + n)).build()));
      long enqueued = System.nanoTime();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
          .until(() -> first.snapshot().completedToday() >= TASKS);
      long done = System.nanoTime();

      System.out.printf("two engines: %d tasks enqueued in %d ms, all completed after %d ms (%.0f tasks/s end to end); "
              + "engine a ran %s, engine b ran %s%n", TASKS, (enqueued - start) / 1_000_000, (done - start) / 1_000_000,
          TASKS * 1e9 / (done - start), byEngine.get("a"), byEngine.get("b"));
      assertThat(runs).hasSize(TASKS);
      assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
      assertThat(byEngine.get("a").get()).isPositive();
      assertThat(byEngine.get("b").get()).isPositive();
      assertThat(first.snapshot().processing()).isZero();
      assertThat(first.snapshot().queueLength()).isZero();
      assertThat(first.status(TaskId.of("job-0")).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    }
  }

  private static void record(Map<Integer, AtomicInteger> runs, Map<String, AtomicInteger> byEngine, Job job, String engine) {
    runs.computeIfAbsent(job.n(), n -> new AtomicInteger()).incrementAndGet();
    byEngine.computeIfAbsent(engine, e -> new AtomicInteger()).incrementAndGet();
  }
}
