package io.cunkebao.benchmarks;

import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.Schedulers;
import io.cunkebao.queue.redis.RedisQueueDriver;
import io.cunkebao.queue.redis.RedisQueueSettings;
import io.lettuce.core.LMoveArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What is the enqueue-to-start latency (p50, p99, p99.9, max) of a task on the Redis driver at a
 * paced 1,000 tasks/s, and of the raw Lettuce LPUSH / BLMOVE hand-off at the same pace, against a
 * redis-server started here? Latency is the handler's (consumer's) {@code System.nanoTime()}
 * minus the one taken just before {@code submit} (LPUSH), carried in the payload; the producer
 * keeps a fixed schedule (task i at start + i ms), so a slow submit does not hide latency by
 * slowing the pace (no coordinated omission on the producer side). A harness, not JMH: JMH has no
 * open-loop paced mode. Also prints Redis CPU and commands per task at this pace.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.cunkebao.benchmarks.RedisLatencyHarness [rate=1000] [warmupSeconds=5] [seconds=20] [concurrency=10]
 * </pre>
 */
public final class RedisLatencyHarness {
  /** The payload: when the producer submitted it, on this JVM's monotonic clock. */
  public record Stamp(long nanos) {}

  private RedisLatencyHarness() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    System.out.printf("pace %d tasks/s, %d s warm-up, %d s measured, concurrency %d, loadavg %s%n", rate, warmup, seconds,
        concurrency, RedisRun.loadAverage());
    for (RedisTarget target : RedisTarget.values()) {
      try (RedisProcess redis = RedisProcess.start(); RedisMeter meter = new RedisMeter(redis.uri())) {
        Samples samples = new Samples(rate * (warmup + seconds), rate * warmup);
        try (Paced consumer = target == RedisTarget.ENGINE ? new EngineConsumer(redis.uri(), concurrency, samples)
            : new RawConsumer(redis.uri(), concurrency, samples)) {
          RedisMeter.Snapshot before = meter.snapshot();
          pace(consumer, rate, samples.capacity());
          samples.awaitAll(TimeUnit.SECONDS.toNanos(30));
          meter.snapshot().minus(before, samples.capacity()).report("RedisLatencyHarness target=" + target + " rate=" + rate
              + " concurrency=" + concurrency + " redis=" + redis.version() + " loadavg=" + RedisRun.loadAverage());
        }
        System.out.println(target + " " + samples.summary());
      }
    }
  }

  /** Task i is submitted at start + i / rate, however long earlier submits took. */
  private static void pace(Paced consumer, int rate, int count) {
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    for (int i = 0; i < count; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      consumer.submit(System.nanoTime());
    }
  }

  /** A producer side and, started with it, a consumer side that records into the samples. */
  private interface Paced extends AutoCloseable {
    void submit(long nanos);
  }

  /** The engine on the Redis driver with its defaults, as in {@link RedisEngineSink}. */
  private static final class EngineConsumer implements Paced {
    private final RedisQueueDriver driver;
    private final TaskScheduler engine;
    private final TaskType<Stamp> type;

    EngineConsumer(String uri, int concurrency, Samples samples) {
      driver = RedisQueueDriver.open(RedisQueueSettings.of(uri, "bench"), QueueDriverConfig.defaults(ZoneId.systemDefault()));
      type = TaskType.of("bench:stamp", Stamp.class, (stamp, context) -> samples.add(System.nanoTime() - stamp.nanos()));
      engine = Schedulers.builder().queue(driver).maxConcurrency(concurrency).taskTypes(type).build();
      engine.start();
    }

    @Override
    public void submit(long nanos) {
      engine.submit(TaskRequest.of(type, new Stamp(nanos)));
    }

    @Override
    public void close() {
      engine.close();
      driver.close();
    }
  }

  /** LPUSH the stamp; consumers BLMOVE it to a processing list, record, LREM (the ack). */
  private static final class RawConsumer implements Paced {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> producer;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    RawConsumer(String uri, int concurrency, Samples samples) {
      client = RedisClient.create(uri);
      producer = client.connect();
      for (int i = 0; i < concurrency; i++) {
        StatefulRedisConnection<String, String> connection = client.connect();
        Thread thread = new Thread(() -> {
          while (!closed) {
            String value = connection.sync().blmove("raw:ready", "raw:processing", LMoveArgs.Builder.rightLeft(), 0.2);
            if (value != null) {
              samples.add(System.nanoTime() - Long.parseLong(value));
              connection.sync().lrem("raw:processing", 1, value);
            }
          }
          connection.close();
        }, "raw-consumer-" + i);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
    }

    @Override
    public void submit(long nanos) {
      producer.sync().lpush("raw:ready", Long.toString(nanos));
    }

    @Override
    public void close() throws InterruptedException {
      closed = true;
      for (Thread thread : threads) {
        thread.join(5_000);
      }
      producer.close();
      client.shutdown();
    }
  }

  /** Latencies in arrival order; the first {@code skip} are the warm-up. */
  private static final class Samples {
    private final long[] nanos;
    private final int skip;
    private int size;

    Samples(int capacity, int skip) {
      this.nanos = new long[capacity];
      this.skip = skip;
    }

    int capacity() {
      return nanos.length;
    }

    synchronized void add(long latency) {
      if (size < nanos.length) {
        nanos[size++] = latency;
      }
      notifyAll();
    }

    synchronized void awaitAll(long timeoutNanos) throws InterruptedException {
      long end = System.nanoTime() + timeoutNanos;
      while (size < nanos.length && System.nanoTime() < end) {
        wait(100);
      }
    }

    synchronized String summary() {
      long[] measured = Arrays.copyOfRange(nanos, Math.min(skip, size), size);
      Arrays.sort(measured);
      if (measured.length == 0) {
        return "no samples";
      }
      return String.format("n=%d p50=%.0fus p90=%.0fus p99=%.0fus p99.9=%.0fus max=%.0fus (%d of %d arrived)", measured.length,
          at(measured, 0.50), at(measured, 0.90), at(measured, 0.99), at(measured, 0.999),
          measured[measured.length - 1] / 1e3, size, nanos.length);
    }

    private static double at(long[] sorted, double quantile) {
      return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e3;
    }
  }
}
