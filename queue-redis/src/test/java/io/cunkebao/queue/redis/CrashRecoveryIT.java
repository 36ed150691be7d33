package io.cunkebao.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskInfo;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workers that die in mid-run, in process: the dying engine's driver is closed under it, so it can
 * neither renew, ack nor release (as after kill -9 or a partition), and its handlers hang. Another
 * engine must finish every task once the leases run out, and a task that kills every worker that
 * runs it must end in the dead-letter queue.
 */
class CrashRecoveryIT {
  private static final Duration LEASE = Duration.ofSeconds(1);
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
  void engineDiesMidRun_survivorFinishesEveryTaskAfterTheLeases() {
    int tasks = 200;
    CountDownLatch hang = new CountDownLatch(1);
    Map<Integer, AtomicInteger> completedBySurvivor = new ConcurrentHashMap<>();
    List<Long> takeoverMillis = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Long> heldByVictim = new ConcurrentHashMap<>();
    AtomicLong crashedAt = new AtomicLong();
    try (EngineHarness harness = new EngineHarness(redis.uri(), "crash")) {
      RedisQueueDriver victimDriver = harness.driver();
      TaskType<Job> hanging = EngineHarness.type((job, ctx) -> {
        heldByVictim.put(job.n(), System.nanoTime());
        hang.await(); // the worker is stuck: it will never finish
      });
      TaskScheduler victim = harness.engine(victimDriver, "victim", 16, LEASE, hanging);
      for (int n = 0; n < tasks; n++) {
        victim.submit(TaskRequest.builder(hanging, new Job(n)).id(TaskId.of("crash-" + n)).build());
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> heldByVictim.size() == 16);

      crashedAt.set(System.nanoTime());
      victimDriver.close(); // the node is gone: no renewal, no ack, no release from here on
      TaskType<Job> working = EngineHarness.type((job, ctx) -> {
        Long held = heldByVictim.get(job.n());
        if (held != null && ctx.attempt() == 2) {
          takeoverMillis.add((System.nanoTime() - crashedAt.get()) / 1_000_000);
        }
        completedBySurvivor.computeIfAbsent(job.n(), n -> new AtomicInteger()).incrementAndGet();
      });
      TaskScheduler survivor = harness.engine("survivor", 16, LEASE, working);

      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> survivor.snapshot().completedToday() >= tasks);
      hang.countDown();

      LongSummaryStatistics takeover = takeoverMillis.stream().mapToLong(Long::longValue).summaryStatistics();
      System.out.printf("crash: %d tasks held by the dead engine were claimed again %s ms after it died (lease %d ms)%n",
          takeover.getCount(), takeover, LEASE.toMillis());
      hang.countDown(); // let the hung workers go before the engines shut down
      assertThat(completedBySurvivor).hasSize(tasks);
      assertThat(completedBySurvivor.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
      assertThat(takeoverMillis).hasSize(16);
      // each of them within lease + renewal slack + 1 s, the bound
      assertThat(takeover.getMax()).isLessThan(LEASE.toMillis() + 2_000);
      for (int n = 0; n < tasks; n++) {
        assertThat(survivor.status(TaskId.of("crash-" + n)).map(TaskInfo::status)).contains(TaskStatus.COMPLETED);
      }
    } finally {
      hang.countDown();
    }
  }

  @Test
  void poisonTask_killsThreeWorkers_thenDeadLettered() {
    AtomicInteger started = new AtomicInteger();
    CountDownLatch hang = new CountDownLatch(1);
    TaskId id = TaskId.of("poison");
    try (EngineHarness harness = new EngineHarness(redis.uri(), "poison")) {
      TaskType<Job> poison = TaskType.builder(EngineHarness.TYPE, Job.class)
          .handler((job, ctx) -> {
            started.incrementAndGet();
            hang.await(); // stands for a crash of the worker: the attempt never ends
          })
          .policy(io.cunkebao.api.TaskPolicy.seedDefault().withRetry(RetryPolicy.delays(Duration.ofMillis(1), Duration.ofMillis(1))))
          .build();
      RedisQueueDriver first = harness.driver();
      TaskScheduler engine = harness.engine(first, "node-1", 1, LEASE, poison);
      engine.submit(TaskRequest.builder(poison, new Job(0)).id(id).build());
      RedisQueueDriver current = first;
      for (int crash = 1; crash <= 3; crash++) {
        int expected = crash;
        await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == expected);
        current.close(); // the worker dies with the task
        current = harness.driver();
        harness.engine(current, "node-" + (crash + 1), 1, LEASE, poison);
      }
      RedisQueueDriver observer = current;

      await().atMost(Duration.ofSeconds(10)).until(() -> observer.find(id).map(t -> t.deadLettered()).orElse(false));

      assertThat(started).as("runs: the first and one after each of the first two crashes").hasValue(3);
      assertThat(observer.find(id).orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
      assertThat(observer.find(id).orElseThrow().lastError()).contains("attempt 4");
      hang.countDown(); // let the hung workers go before the engines shut down
    } finally {
      hang.countDown();
    }
  }
}
