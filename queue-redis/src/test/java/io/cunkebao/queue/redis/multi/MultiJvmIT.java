package io.cunkebao.queue.redis.multi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.StoredTask;
import io.cunkebao.core.Schedulers;
import io.cunkebao.queue.redis.Job;
import io.cunkebao.queue.redis.RedisQueueDriver;
import io.cunkebao.queue.redis.RedisQueueSettings;
import io.cunkebao.queue.redis.RedisServerFixture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Worker nodes in separate JVMs ({@link WorkerNode}) on one redis-server: 20,000 no-op tasks run
 * exactly once on two and on three nodes; with nodes killed by SIGKILL in mid-run, nothing is lost,
 * duplicates are only tasks the dead node had in flight, and those are claimed again within the
 * lease + 1 s (the driver has no separate sweep: every claim recovers expired leases, and idle
 * engines set their timer to the earliest lease expiry). The recovery times are printed.
 */
class MultiJvmIT {
  private static final int TASKS = 20_000;
  private static final int CONCURRENCY = 16;
  private static final String QUEUE = "default";
  private static RedisServerFixture redis;
  private static Path logs;

  @BeforeAll
  static void startRedis() throws IOException {
    redis = RedisServerFixture.start();
    logs = Files.createDirectories(Path.of("target", "multi-jvm-logs"));
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @ParameterizedTest(name = "{0} worker JVMs")
  @ValueSource(ints = {2, 3})
  void workerJvms_20000Tasks_eachCompletedExactlyOnce(int nodes) {
    String uri = redis.uri() + "?namespace=jvms-" + nodes;
    RunLog log = new RunLog();
    List<WorkerProcess> workers = new ArrayList<>();
    try (Producer producer = new Producer(uri)) {
      long submitStart = System.nanoTime();
      producer.submitAllPaused();
      long enqueueMillis = (System.nanoTime() - submitStart) / 1_000_000;
      for (int i = 0; i < nodes; i++) {
        workers.add(WorkerProcess.start(uri, "node-" + nodes + "-" + i, CONCURRENCY, Duration.ofSeconds(10), log, logs));
      }
      workers.forEach(WorkerProcess::awaitReady);

      long start = System.nanoTime();
      producer.resume();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> log.distinct() == TASKS);
      long done = System.nanoTime();
      workers.forEach(WorkerProcess::stop);

      Map<String, Long> byWorker = new java.util.TreeMap<>();
      log.all().values().forEach(runs -> runs.forEach(r -> byWorker.merge(r.worker(), 1L, Long::sum)));
      System.out.printf("multi-JVM: %d worker JVMs x %d, %d tasks: enqueued (paused queue) in %d ms by one producer; all run %d ms after the resume (%.0f tasks/s); runs per JVM %s%n",
          nodes, CONCURRENCY, TASKS, enqueueMillis, (done - start) / 1_000_000, TASKS * 1e9 / (done - start), byWorker);
      assertThat(log.total()).as("runs in all: each task exactly once").isEqualTo(TASKS);
      assertThat(byWorker).hasSize(nodes).allSatisfy((worker, count) -> assertThat(count).isPositive());
      producer.assertAllFinished(log, false);
    } finally {
      workers.forEach(WorkerProcess::close);
    }
  }

  @Test
  void workerJvmsKilledMidRun_nothingLost_duplicatesOnlyInFlight_reclaimedWithinLeasePlusOneSecond() {
    Duration lease = Duration.ofSeconds(1);
    int kills = 4;
    String uri = redis.uri() + "?namespace=kills";
    RunLog log = new RunLog();
    List<WorkerProcess> live = new ArrayList<>();
    List<WorkerProcess> killed = new ArrayList<>();
    try (Producer producer = new Producer(uri)) {
      producer.submitAllPaused();
      for (int i = 0; i < 3; i++) {
        live.add(WorkerProcess.start(uri, "w" + i, CONCURRENCY, lease, log, logs));
      }
      live.forEach(WorkerProcess::awaitReady);
      producer.resume();
      for (int k = 1; k <= kills; k++) {
        int threshold = TASKS * k / (kills + 2);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> log.distinct() >= threshold);
        WorkerProcess victim = live.remove(0);
        victim.kill();
        killed.add(victim);
        WorkerProcess replacement = WorkerProcess.start(uri, "w" + (2 + k), CONCURRENCY, lease, log, logs);
        live.add(replacement);
        replacement.awaitReady();
      }
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> log.distinct() == TASKS);
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(producer::idle);
      live.forEach(WorkerProcess::stop);

      Recovery recovery = Recovery.of(log, killed);
      System.out.printf("multi-JVM kill -9: %d kills, 3 worker JVMs at a time x %d (lease %d ms), %d tasks: %d runs, %d duplicated runs "
              + "(per kill %s); %d tasks claimed again after a kill, ms from kill to the next run: %s%n",
          kills, CONCURRENCY, lease.toMillis(), TASKS, log.total(), log.total() - TASKS, recovery.duplicatesPerKill(),
          recovery.delays().size(), recovery.summary());
      recovery.assertDuplicatesOnlyInFlight(CONCURRENCY);
      assertThat(recovery.delays()).as("tasks the killed JVMs held were claimed again").isNotEmpty();
      assertThat(recovery.max()).as("claimed again within lease + 1 s").isLessThanOrEqualTo(lease.toMillis() + 1_000);
      producer.assertAllFinished(log, true);
    } finally {
      live.forEach(WorkerProcess::close);
      killed.forEach(WorkerProcess::close);
    }
  }

  /** Submits the tasks through an engine that is never started (it only enqueues) and checks the outcome. */
  private static final class Producer implements AutoCloseable {
    private final RedisQueueDriver driver;
    private final TaskScheduler engine;
    private final TaskType<Job> type = TaskType.of(WorkerNode.TYPE, Job.class, (job, ctx) -> {
      throw new IllegalStateException("the producer runs nothing");
    });

    Producer(String uri) {
      this.driver = RedisQueueDriver.open(RedisQueueSettings.fromUri(URI.create(uri)), WorkerNode.config());
      this.engine = Schedulers.builder().queue(driver).taskTypes(type).build();
    }

    /** Enqueues every task into the paused queue, so that the workers start on a full queue at {@link #resume()}. */
    void submitAllPaused() {
      engine.pauseQueue(QUEUE);
      IntStream.range(0, TASKS).parallel().forEach(n -> engine.submit(TaskRequest.builder(type, new Job(n)).id(TaskId.of("job-" + n)).build()));
    }

    void resume() {
      engine.resumeQueue(QUEUE);
    }

    boolean idle() {
      var snapshot = engine.snapshot();
      return snapshot.processing() == 0 && snapshot.queueLength() == 0;
    }

    /** Every task completed (or, when allowed, dead-lettered after crash recoveries) and ran. */
    void assertAllFinished(RunLog log, boolean deadLetterAllowed) {
      List<String> unfinished = new ArrayList<>();
      for (int n = 0; n < TASKS; n++) {
        Optional<StoredTask> task = driver.find(TaskId.of("job-" + n));
        boolean ok = task.isPresent() && (task.get().status() == TaskStatus.COMPLETED || deadLetterAllowed && task.get().deadLettered());
        if (!ok || log.of(n).isEmpty()) {
          unfinished.add("job-" + n + ": " + task.map(StoredTask::status) + ", runs " + log.of(n));
        }
      }
      assertThat(unfinished).as("tasks lost or unfinished").isEmpty();
    }

    @Override
    public void close() {
      engine.close();
      driver.close();
    }
  }
}
