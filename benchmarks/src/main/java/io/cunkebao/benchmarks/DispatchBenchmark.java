package io.cunkebao.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
 * How many no-op tasks per second does the engine run to completion (submit, claim, handler, ack,
 * listener event) with its defaults, and what fraction is that of a bare {@code
 * ThreadPoolExecutor} doing the same no-op work with the same 5 workers, in the same run?
 *
 * <p>One operation is one task. Each invocation submits {@value #BATCH} tasks and waits until they
 * have all completed, so the score is end-to-end throughput and the backlog never exceeds one
 * batch per producer (a producer that only submitted would measure the enqueue alone and grow the
 * queue without bound). Producers park while they wait; they do not spin.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DispatchBenchmark            # full: 3x2s warm-up, 5x3s, 2 forks
 * java -jar benchmarks/target/benchmarks.jar DispatchBenchmark -prof gc   # + bytes allocated per task, all threads
 * java -jar benchmarks/target/benchmarks.jar DispatchBenchmark -p target=ENGINE -prof stack:lines=3;top=25;detailLine=true
 * </pre>
 *
 * The ratio target (issue 6): ENGINE at least 0.5 of THREAD_POOL for each producer count.
 * ENGINE_NO_WINDOW is a diagnostic: the defaults keep every finished task for the 24 h
 * idempotency window, so the heap (and GC time) grows with every task the run completes.
 *
 * <p>Smoke (all benchmarks of the jar in under two minutes):
 * {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 1 -i 1 -w 1s -r 1s -p pending=1000,1000000 -p schedules=1000,100000 -e Redis}
 * (the Redis benchmarks have their own smoke, see {@link RedisDispatchBenchmark})
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DispatchBenchmark {
  /** Tasks per invocation: large enough that the wake-up at the end of a batch is noise. */
  static final int BATCH = 1_000;

  @Param
  DispatchTarget target;

  private final List<CompletionSignal> signals = new ArrayList<>();
  private final AtomicInteger producers = new AtomicInteger();
  private NoopSink sink;

  @Setup(Level.Trial)
  public void setUp() {
    for (int i = 0; i < DispatchTarget.MAX_PRODUCERS; i++) {
      signals.add(new CompletionSignal());
    }
    sink = target.create(signals);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sink.close();
  }

  /** One producer thread's cursor: its index and how many tasks it has submitted. */
  @State(Scope.Thread)
  public static class Producer {
    int index;
    long submitted;
    CompletionSignal signal;

    @Setup(Level.Trial)
    public void setUp(DispatchBenchmark benchmark) {
      index = benchmark.producers.getAndIncrement();
      if (index >= DispatchTarget.MAX_PRODUCERS) {
        throw new IllegalStateException("at most " + DispatchTarget.MAX_PRODUCERS + " producer threads");
      }
      signal = benchmark.signals.get(index);
    }
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BATCH)
  public void oneProducer(Producer producer) {
    runBatch(producer);
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(BATCH)
  public void twoProducers(Producer producer) {
    runBatch(producer);
  }

  private void runBatch(Producer producer) {
    producer.submitted += BATCH;
    producer.signal.expect(producer.submitted);
    for (int i = 0; i < BATCH; i++) {
      sink.submit(producer.index);
    }
    producer.signal.await();
  }
}
