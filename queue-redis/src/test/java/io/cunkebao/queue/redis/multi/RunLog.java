package io.cunkebao.queue.redis.multi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Every run the worker JVMs reported, by job number. */
final class RunLog {
  /** One run of a job. */
  record Run(String worker, int attempt, long atMillis) {}

  private final Map<Integer, List<Run>> runs = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();

  void run(int job, String worker, int attempt, long atMillis) {
    List<Run> of = runs.computeIfAbsent(job, j -> new ArrayList<>(1));
    synchronized (of) {
      of.add(new Run(worker, attempt, atMillis));
    }
    total.incrementAndGet();
  }

  /** How many runs were reported in all. */
  int total() {
    return total.get();
  }

  /** How many distinct jobs ran at least once. */
  int distinct() {
    return runs.size();
  }

  /** The runs of a job in the order reported (each job's runs come from one JVM at a time). */
  List<Run> of(int job) {
    List<Run> of = runs.getOrDefault(job, List.of());
    synchronized (of) {
      List<Run> copy = new ArrayList<>(of);
      copy.sort((a, b) -> Integer.compare(a.attempt(), b.attempt()));
      return copy;
    }
  }

  Map<Integer, List<Run>> all() {
    return runs;
  }
}
