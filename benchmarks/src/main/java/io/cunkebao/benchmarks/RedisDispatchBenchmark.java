package io.cunkebao.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many no-op tasks per second does the engine on the Redis driver run to completion (submit,
 * claim, handler, ack, listener event) with {@code maxConcurrency} 1, 10 and 50 and the driver's
 * full bookkeeping on, and what fraction is that of a raw Lettuce LPUSH / BLMOVE / LREM hand-off
 * with as many consumers, against the same benchmark-owned redis-server, in the same run?
 *
 * <p>One operation is one task. Each of the {@value #PRODUCERS} producer threads submits {@value
 * #BATCH} tasks per invocation and parks until they have completed, so the score is end-to-end
 * throughput and the backlog stays bounded. Several producers, because {@code submit} is one
 * synchronous round trip and there is no batch enqueue in the SPI: one producer alone would cap
 * every row at its round-trip rate. At the end of each trial Redis CPU and commands per completed
 * task are printed ({@code [redis-cost]}) and appended to {@code redis-cost.tsv} in the working
 * directory ({@code -jvmArgsAppend -Dcunkebao.bench.redisCost=path} to change).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RedisDispatchBenchmark      # full: 3x3s warm-up, 5x3s, 1 fork
 * java -jar benchmarks/target/benchmarks.jar RedisDispatchBenchmark -p target=ENGINE -p concurrency=50 \
 *   -prof "stack:lines=4;top=30"                                           # where the engine's time goes
 * </pre>
 *
 * Targets (issue 6, 2 cores): ENGINE at least 12,600 / 28,000 / 43,000 tasks/s at concurrency 1 /
 * 10 / 50, at most 15 µs of Redis CPU per task.
 *
 * <p>Smoke (every Redis benchmark, about 60 s here; for "does it still run", not for numbers):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar "Redis(Dispatch|Enqueue)Benchmark" -f 1 -wi 1 -i 1 -w 1s -r 1s \
 *   &amp;&amp; java -cp benchmarks/target/benchmarks.jar io.cunkebao.benchmarks.RedisLatencyHarness 1000 1 3 10
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RedisDispatchBenchmark {
  /** Tasks per producer and invocation: enough to keep 50 workers busy, small enough to time. */
  static final int BATCH = 200;
  static final int PRODUCERS = 4;

  @Param
  RedisTarget target;

  @Param({"1", "10", "50"})
  int concurrency;

  private final AtomicInteger producers = new AtomicInteger();
  private RedisRun run;

  @Setup(Level.Trial)
  public void setUp() {
    run = new RedisRun(target, concurrency, true);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    run.close("RedisDispatchBenchmark target=" + target + " concurrency=" + concurrency + " producers=" + producers.get(),
        run.completed());
  }

  /** One producer thread's cursor: its index and how many tasks it has submitted. */
  @State(Scope.Thread)
  public static class Producer {
    int index;
    long submitted;
    CompletionSignal signal;

    @Setup(Level.Trial)
    public void setUp(RedisDispatchBenchmark benchmark) {
      index = benchmark.producers.getAndIncrement();
      if (index >= RedisTarget.MAX_PRODUCERS) {
        throw new IllegalStateException("at most " + RedisTarget.MAX_PRODUCERS + " producer threads");
      }
      signal = benchmark.run.signals.get(index);
    }
  }

  @Benchmark
  @Threads(PRODUCERS)
  @OperationsPerInvocation(BATCH)
  public void endToEnd(Producer producer) {
    producer.submitted += BATCH;
    producer.signal.expect(producer.submitted);
    for (int i = 0; i < BATCH; i++) {
      run.sink.submit(producer.index);
    }
    producer.signal.await();
  }
}
