package io.cunkebao.benchmarks;

import io.cunkebao.core.EngineTimer;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Does arming and cancelling an {@link EngineTimer} (what every attempt does for its timeout)
 * stay flat or logarithmic with 1,000 to 1,000,000 timers pending? The timer is the one
 * {@code SchedulerBuilder} makes by default: one daemon thread, remove-on-cancel.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EngineTimerBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EngineTimerBenchmark {
  private static final Runnable NOTHING = () -> { };

  @Param({"1000", "10000", "100000", "1000000"})
  int pending;

  private ScheduledThreadPoolExecutor executor;
  private EngineTimer timer;
  private long cursor;

  @Setup(Level.Trial)
  public void setUp() {
    executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "bench-timer");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    timer = EngineTimer.of(executor);
    for (int i = 0; i < pending; i++) {
      // Spread over a day so that a new timer lands among them, not at one end.
      timer.schedule(NOTHING, Duration.ofHours(1).plusMillis(i * 86L));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.shutdownNow();
  }

  @Benchmark
  public void scheduleAndCancel() {
    // A timeout-like delay that lands at a different place among the pending timers each time.
    long offset = (cursor++ * 7919L) % ((long) pending * 86L);
    timer.schedule(NOTHING, Duration.ofHours(1).plusMillis(offset)).cancel();
  }
}
