package io.cunkebao.benchmarks;

import java.time.Duration;
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
 * What does a started engine with N cron schedules spend per 30 seconds of (virtual) time? That
 * is 30 firings of the every-second schedule, 30 idle dispatch polls and one store refresh, which
 * {@code CronScheduler} runs every 30 s and which re-reads and re-plans all N schedules: the part
 * that grows with N. Divide by 30 s for the share of a core it takes. Set-up: {@link
 * ScheduleFixture}; sizes as in {@link ScheduleBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ScheduleRefreshBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ScheduleRefreshBenchmark {
  @Param({"1000", "10000", "100000"})
  int schedules;

  private ScheduleFixture fixture;

  @Setup(Level.Trial)
  public void setUp() {
    fixture = new ScheduleFixture(schedules, true);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    fixture.close();
  }

  @Benchmark
  public int thirtySeconds() {
    return fixture.timer.advance(Duration.ofSeconds(30));
  }
}
