package io.cunkebao.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Redis's own counters, read before and after a run: {@code used_cpu_user + used_cpu_sys} of
 * {@code INFO cpu} and the calls of {@code INFO commandstats}. Divided by the tasks of the run they
 * give Redis CPU and commands per task, which, unlike wall-clock rates, hold on a noisy machine.
 *
 * <p>Commandstats counts the commands a Lua script issues ({@code redis.call}) as well as the
 * script call itself, so the total is the work Redis did; the client's round trips are the
 * {@code evalsha}, {@code xread} and plain commands of the per-command breakdown.
 */
final class RedisMeter implements AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  RedisMeter(String uri) {
    client = RedisClient.create(uri);
    connection = client.connect();
  }

  /** The counters now. */
  Snapshot snapshot() {
    String cpu = connection.sync().info("cpu");
    String stats = connection.sync().info("commandstats");
    Map<String, long[]> calls = new TreeMap<>();
    for (String line : stats.split("\r?\n")) {
      // cmdstat_evalsha:calls=12,usec=345,usec_per_call=28.75,...
      if (line.startsWith("cmdstat_")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        calls.put(name, new long[] {field(line, "calls="), field(line, "usec=")});
      }
    }
    return new Snapshot(seconds(cpu, "used_cpu_user:") + seconds(cpu, "used_cpu_sys:"), calls);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }

  private static double seconds(String info, String key) {
    int at = info.indexOf(key);
    int end = info.indexOf('\n', at);
    return Double.parseDouble(info.substring(at + key.length(), end).trim());
  }

  private static long field(String line, String key) {
    int at = line.indexOf(key) + key.length();
    int end = line.indexOf(',', at);
    return Long.parseLong(line.substring(at, end < 0 ? line.length() : end));
  }

  /** CPU seconds and, per command, {calls, usec}. */
  record Snapshot(double cpuSeconds, Map<String, long[]> calls) {
    Delta minus(Snapshot before, long tasks) {
      Map<String, long[]> delta = new TreeMap<>();
      calls.forEach((name, now) -> {
        long[] then = before.calls.getOrDefault(name, new long[2]);
        if (now[0] - then[0] > 0) {
          delta.put(name, new long[] {now[0] - then[0], now[1] - then[1]});
        }
      });
      // the meter's own two INFO calls per snapshot are not the benchmark's
      delta.computeIfPresent("info", (k, v) -> v[0] <= 2 ? null : new long[] {v[0] - 2, v[1]});
      return new Delta(tasks, cpuSeconds - before.cpuSeconds, delta);
    }
  }

  /** What a run of {@code tasks} tasks cost Redis. */
  record Delta(long tasks, double cpuSeconds, Map<String, long[]> calls) {
    double cpuMicrosPerTask() {
      return cpuSeconds * 1e6 / tasks;
    }

    double commandsPerTask() {
      return calls.values().stream().mapToLong(v -> v[0]).sum() / (double) tasks;
    }

    /** One line: tasks, CPU and commands per task, then per command calls per task and µs per call. */
    String describe(String label) {
      StringBuilder line = new StringBuilder(String.format("%s\ttasks=%d\tredis_cpu_us_per_task=%.2f\tcommands_per_task=%.2f\t",
          label, tasks, cpuMicrosPerTask(), commandsPerTask()));
      calls.forEach((name, v) -> line.append(String.format(" %s=%.3f/task@%.1fus", name, v[0] / (double) tasks,
          v[1] / (double) v[0])));
      return line.toString();
    }

    /** Prints the line and appends it to {@code redis-cost.tsv} (or -Dcunkebao.bench.redisCost=path). */
    void report(String label) {
      String line = describe(label);
      System.out.println("[redis-cost] " + line);
      Path file = Path.of(System.getProperty("cunkebao.bench.redisCost", "redis-cost.tsv"));
      try {
        Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
