package io.cunkebao.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many tasks per second can be enqueued on Redis through {@code TaskScheduler.submit} (an
 * engine that is built but never started, so nothing claims), one at a time and "batched", against
 * a raw Lettuce {@code LPUSH} of the same count on the same benchmark-owned redis-server?
 *
 * <p>The SPI has no batch enqueue ({@code QueueDriver.enqueue} takes one envelope, and {@code
 * submit} one request), so "batched" is {@value #CONCURRENT} threads submitting at once: Lettuce
 * pipelines their commands over the driver's one shared connection, which is the batching a user
 * can get today. {@code oneAtATime} is one thread, one synchronous round trip per task. The queue
 * grows during a trial (about 1 KB of Redis memory per engine task). Redis CPU and commands per
 * submitted task are reported at the end of each trial like {@link RedisDispatchBenchmark}'s.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RedisEnqueueBenchmark        # full: 3x2s warm-up, 5x2s, 1 fork
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RedisEnqueueBenchmark {
  static final int CONCURRENT = 8;

  @Param
  RedisTarget target;

  /** Counts submits for the per-task figures; a LongAdder is noise next to a round trip. */
  private final LongAdder submitted = new LongAdder();
  private final AtomicInteger threads = new AtomicInteger();
  private RedisRun run;

  @Setup(Level.Trial)
  public void setUp() {
    run = new RedisRun(target, 1, false);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    run.close("RedisEnqueueBenchmark target=" + target + " threads=" + threads.get(), submitted.sum());
  }

  /** Each thread enqueues as its own producer (its own task type). */
  @State(Scope.Thread)
  public static class Producer {
    int index;

    @Setup(Level.Trial)
    public void setUp(RedisEnqueueBenchmark benchmark) {
      index = benchmark.threads.getAndIncrement();
    }
  }

  @Benchmark
  @Threads(1)
  public void oneAtATime(Producer producer) {
    run.sink.submit(producer.index);
    submitted.increment();
  }

  @Benchmark
  @Threads(CONCURRENT)
  public void concurrent(Producer producer) {
    run.sink.submit(producer.index);
    submitted.increment();
  }
}
