package io.cunkebao.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.QueueUnavailableException;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.StoredTask;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * redis-server (append-only file on) is killed with SIGKILL in the middle of a run and started
 * again: producers see {@link QueueUnavailableException}s and retry with the same id, workers
 * reconnect by themselves, and every enqueue that was acknowledged completes.
 */
class RedisRestartIT {
  private static final int TASKS = 3_000;

  @Test
  void redisKilledAndRestartedMidRun_workersReconnect_noAcknowledgedEnqueueLost() throws Exception {
    Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
    Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    List<Long> refusedSubmitMillis = new CopyOnWriteArrayList<>();
    try (RedisServerFixture redis = RedisServerFixture.startWithAof();
        EngineHarness harness = new EngineHarness(redis.uri(), "restart")) {
      TaskType<Job> job = EngineHarness.type((j, ctx) -> runs.computeIfAbsent(j.n(), n -> new AtomicInteger()).incrementAndGet());
      TaskScheduler producer = harness.engine("restart-a", 8, Duration.ofSeconds(2), job);
      harness.engine("restart-b", 8, Duration.ofSeconds(2), job);

      Thread submitter = new Thread(() -> submitAll(producer, job, acknowledged, refusedSubmitMillis), "submitter");
      submitter.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= TASKS / 3);
      long killedAt = System.nanoTime();
      redis.kill();
      int refusedBefore = refusedSubmitMillis.size();
      // the outage lasts until the producer has been refused a few times
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> refusedSubmitMillis.size() >= refusedBefore + 5);
      redis.restart();
      long restartedAt = System.nanoTime();
      submitter.join(Duration.ofSeconds(60).toMillis());
      assertThat(acknowledged).hasSize(TASKS);

      RedisQueueDriver observer = harness.driver();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> runs.keySet().containsAll(acknowledged) && allCompleted(observer));
      long done = System.nanoTime();

      long duplicates = runs.values().stream().filter(c -> c.get() > 1).count();
      System.out.printf("restart: redis down %d ms; %d submits refused meanwhile (each failed within %s ms); "
              + "all %d tasks completed %d ms after the restart; %d ran more than once (in flight at the kill)%n",
          (restartedAt - killedAt) / 1_000_000, refusedSubmitMillis.size(),
          refusedSubmitMillis.stream().mapToLong(Long::longValue).max().orElse(0), TASKS, (done - restartedAt) / 1_000_000,
          duplicates);
      assertThat(refusedSubmitMillis).allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(2_500));
    }
  }

  private static boolean allCompleted(RedisQueueDriver observer) {
    for (int n = 0; n < TASKS; n++) {
      if (observer.find(TaskId.of("r-" + n)).map(StoredTask::status).orElse(null) != TaskStatus.COMPLETED) {
        return false;
      }
    }
    return true;
  }

  /** Submits every job, retrying with the same id while Redis is away: the id deduplicates. */
  private static void submitAll(TaskScheduler engine, TaskType<Job> job, Set<Integer> acknowledged, List<Long> refused) {
    for (int n = 0; n < TASKS; n++) {
      TaskRequest<Job> request = TaskRequest.builder(job, new Job(n)).id(TaskId.of("r-" + n)).build();
      int number = n;
      if (!trySubmit(engine, request, refused)) {
        // a producer's retry loop: again every 20 ms while Redis is away, for 30 s at most
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> trySubmit(engine, request, refused));
      }
      acknowledged.add(number);
    }
  }

  private static boolean trySubmit(TaskScheduler engine, TaskRequest<Job> request, List<Long> refused) {
    long start = System.nanoTime();
    try {
      engine.submit(request);
      return true;
    } catch (QueueUnavailableException e) {
      refused.add((System.nanoTime() - start) / 1_000_000);
      return false;
    }
  }
}
