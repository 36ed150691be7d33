package io.cunkebao.queue.redis.multi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the kills did, from the run log: which runs were repeated, and how long after each kill the
 * tasks the dead JVM held were claimed again (the first later run with a higher attempt: the
 * attempt counts claims, so an attempt above 1 means an earlier lease expired).
 */
final class Recovery {
  private final RunLog log;
  private final List<WorkerProcess> killed;
  private final List<Long> delays = new ArrayList<>();
  private final Map<String, Integer> duplicatesPerKill = new TreeMap<>();

  private Recovery(RunLog log, List<WorkerProcess> killed) {
    this.log = log;
    this.killed = killed;
  }

  static Recovery of(RunLog log, List<WorkerProcess> killed) {
    Recovery recovery = new Recovery(log, killed);
    recovery.measure();
    return recovery;
  }

  private void measure() {
    killed.forEach(k -> duplicatesPerKill.put(k.workerId, 0));
    for (List<RunLog.Run> unsorted : log.all().values()) {
      List<RunLog.Run> runs;
      synchronized (unsorted) {
        runs = new ArrayList<>(unsorted);
      }
      runs.stream().filter(r -> r.attempt() > 1).min((a, b) -> Integer.compare(a.attempt(), b.attempt()))
          .ifPresent(first -> delays.add(first.atMillis() - lastKillBefore(first.atMillis())));
      runs.stream().filter(r -> duplicatesPerKill.containsKey(r.worker()) && runs.size() > 1)
          .forEach(r -> duplicatesPerKill.merge(r.worker(), 1, Integer::sum));
    }
    Collections.sort(delays);
  }

  private long lastKillBefore(long atMillis) {
    long last = Long.MIN_VALUE;
    for (WorkerProcess k : killed) {
      if (k.killedAtMillis() <= atMillis && k.killedAtMillis() > last) {
        last = k.killedAtMillis();
      }
    }
    assertThat(last).as("a run with a higher attempt came after some kill").isNotEqualTo(Long.MIN_VALUE);
    return last;
  }

  /**
   * Every task that ran more than once ran, all but its last time, on a JVM that was then killed,
   * before the kill; and no JVM had more such tasks than its concurrency (the tasks in flight).
   */
  void assertDuplicatesOnlyInFlight(int concurrency) {
    Map<String, Long> killedAt = new TreeMap<>();
    killed.forEach(k -> killedAt.put(k.workerId, k.killedAtMillis()));
    List<String> unexplained = new ArrayList<>();
    log.all().forEach((job, unsorted) -> {
      List<RunLog.Run> runs = log.of(job);
      for (int i = 0; i < runs.size() - 1; i++) {
        RunLog.Run earlier = runs.get(i);
        Long kill = killedAt.get(earlier.worker());
        if (kill == null || earlier.atMillis() > kill) {
          unexplained.add("job-" + job + " " + runs);
        }
      }
    });
    assertThat(unexplained).as("tasks run twice though not in flight on a killed JVM").isEmpty();
    assertThat(duplicatesPerKill.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(concurrency));
  }

  List<Long> delays() {
    return delays;
  }

  Map<String, Integer> duplicatesPerKill() {
    return duplicatesPerKill;
  }

  long max() {
    return delays.isEmpty() ? 0 : delays.get(delays.size() - 1);
  }

  String summary() {
    if (delays.isEmpty()) {
      return "none";
    }
    return "n=" + delays.size() + " min " + delays.get(0) + ", median " + percentile(50) + ", p90 " + percentile(90) + ", max " + max();
  }

  private long percentile(int p) {
    int index = (int) Math.ceil(p / 100.0 * delays.size()) - 1;
    return delays.get(Math.max(0, index));
  }
}
