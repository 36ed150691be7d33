package io.cunkebao.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several namespaces (tenants) on a 3-master cluster, one on each master, each with two engines:
 * every task of every namespace runs exactly once, and each master holds its namespace's keys.
 */
class ClusterEnginesIT {
  private static final int TASKS_PER_NAMESPACE = 1_000;
  private static RedisClusterFixture cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RedisClusterFixture.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void namespacesOnDifferentMasters_twoEnginesEach_everyTaskOnce() {
    List<String> namespaces = onePerMaster();
    Map<String, Map<Integer, AtomicInteger>> runs = new ConcurrentHashMap<>();
    List<EngineHarness> harnesses = new ArrayList<>();
    try {
      List<TaskScheduler> producers = new ArrayList<>();
      for (String ns : namespaces) {
        EngineHarness harness = new EngineHarness(cluster.uri(), ns);
        harnesses.add(harness);
        Map<Integer, AtomicInteger> ofNs = runs.computeIfAbsent(ns, n -> new ConcurrentHashMap<>());
        TaskType<Job> type = EngineHarness.type((job, ctx) -> ofNs.computeIfAbsent(job.n(), n -> new AtomicInteger()).incrementAndGet());
        TaskScheduler first = harness.engine(ns + "-a", 8, Duration.ofSeconds(10), type);
        harness.engine(ns + "-b", 8, Duration.ofSeconds(10), type);
        producers.add(first);
        IntStream.range(0, TASKS_PER_NAMESPACE).parallel()
            .forEach(n -> first.submit(TaskRequest.builder(type, new Job(n)).id(TaskId.of(ns + "-" + n)).build()));
      }
      long start = System.nanoTime();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
          .until(() -> producers.stream().allMatch(p -> p.snapshot().completedToday() >= TASKS_PER_NAMESPACE));
      System.out.printf("cluster: namespaces %s on 3 masters, 2 engines each, %d tasks each, done %d ms after the last submit%n",
          namespaces, TASKS_PER_NAMESPACE, (System.nanoTime() - start) / 1_000_000);

      for (String ns : namespaces) {
        assertThat(runs.get(ns)).as(ns).hasSize(TASKS_PER_NAMESPACE);
        assertThat(runs.get(ns).values()).as(ns).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
      }
      for (RedisServerFixture node : cluster.nodes()) {
        assertThat(RedisClusterFixture.<Long>on(node, c -> c.dbsize())).as("keys on master " + node.port()).isPositive();
      }
    } finally {
      harnesses.forEach(EngineHarness::close);
    }
  }

  /** Namespaces whose hash tag falls in the first, second and third third of the slots: one per master. */
  private static List<String> onePerMaster() {
    Map<Integer, String> byMaster = new TreeMap<>();
    for (int i = 0; byMaster.size() < 3; i++) {
      String ns = "tenant-" + i;
      byMaster.putIfAbsent(SlotHash.getSlot(ns) * 3 / 16384, ns);
    }
    return new ArrayList<>(byMaster.values());
  }
}
