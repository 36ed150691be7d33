package io.cunkebao.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every Redis benchmark trial owns: its redis-server, the meter reading Redis's counters at
 * the start and the end of the trial, and the sink under test. Closing reports Redis CPU and
 * commands per task of the whole trial (warm-up included: a per-task figure does not need the
 * warm-up cut off) with the load average, then stops everything it started.
 */
final class RedisRun implements AutoCloseable {
  final List<CompletionSignal> signals = new ArrayList<>();
  final NoopSink sink;
  private final RedisProcess redis;
  private final RedisMeter meter;
  private final RedisMeter.Snapshot before;

  RedisRun(RedisTarget target, int concurrency, boolean start) {
    for (int i = 0; i < RedisTarget.MAX_PRODUCERS; i++) {
      signals.add(new CompletionSignal());
    }
    redis = RedisProcess.start();
    meter = new RedisMeter(redis.uri());
    sink = target.create(redis.uri(), concurrency, signals, start);
    before = meter.snapshot();
  }

  /**
   * Reports the cost of {@code tasks} tasks under {@code label}, then stops the sink and Redis.
   *
   * @param tasks the tasks of the trial: completed ones, or submitted ones when nothing consumed
   */
  void close(String label, long tasks) {
    try {
      if (tasks > 0) {
        meter.snapshot().minus(before, tasks).report(label + " redis=" + redis.version() + " loadavg=" + loadAverage());
      }
    } finally {
      close();
    }
  }

  long completed() {
    return signals.stream().mapToLong(CompletionSignal::count).sum();
  }

  @Override
  public void close() {
    try {
      sink.close();
    } finally {
      meter.close();
      redis.close();
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().replace(' ', '/');
    } catch (IOException e) {
      return "unknown";
    }
  }
}
