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
 * With N cron schedules registered through the public {@code schedules()} API, does adding and
 * removing a schedule, and firing the one that is due (a tick), stay flat or logarithmic in N?
 * The engine is not started here, so no dispatch polls or store refreshes mix in; {@link
 * ScheduleRefreshBenchmark} measures the started engine. Set-up: {@link ScheduleFixture}.
 *
 * <p>Sizes: 1,000, 10,000 and 100,000 by default. One million is left out of the default run
 * because its set-up (one {@code add} each: JSON encode and bind-back of the template, a store
 * write, a cron computation, about 12 us) adds some 15 s and about 1 GB per trial; run it with
 * {@code -p schedules=1000000 -jvmArgsAppend -Xmx4g}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ScheduleBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ScheduleBenchmark {
  @Param({"1000", "10000", "100000"})
  int schedules;

  private ScheduleFixture fixture;

  @Setup(Level.Trial)
  public void setUp() {
    fixture = new ScheduleFixture(schedules, false);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    fixture.close();
  }

  @Benchmark
  public Object addAndRemove() {
    fixture.engine.schedules().add(fixture.extra);
    return fixture.engine.schedules().remove(fixture.extra.name());
  }

  /** Moves time by one second: the every-second schedule fires once and is planned again. */
  @Benchmark
  public int tick() {
    return fixture.timer.advance(Duration.ofSeconds(1));
  }
}
