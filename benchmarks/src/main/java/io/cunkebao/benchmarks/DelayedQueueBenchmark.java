package io.cunkebao.benchmarks;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.TaskEnvelope;
import io.cunkebao.core.InMemoryQueueDriver;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Does the in-memory queue's cost of scheduling, cancelling and firing a delayed task stay flat
 * (or logarithmic) as the number of pending delayed tasks grows from 1,000 to 1,000,000?
 *
 * <ul>
 *   <li>{@code scheduleAndCancel}: enqueue one delayed task at a random due time among the
 *       pending ones, then cancel it;
 *   <li>{@code dueTick}: the dispatcher's timed wake when one delayed task has come due:
 *       {@code claim} promotes and leases it, {@code ack} finishes it, and a new delayed task
 *       behind all the others replaces it, so the pending count stays N;
 *   <li>{@code idleTick}: the same wake with nothing due: {@code nextDueAt} plus an empty claim.
 * </ul>
 *
 * Time is the driver's {@code now} argument, a virtual clock: each {@code dueTick} moves it by one
 * millisecond, the spacing of the preloaded due times. The driver is configured with no
 * idempotency window and no retention, so that finished tasks leave it at once and N stays
 * exactly N (the defaults keep every task for 24 hours; see the heap results in
 * docs/performance.md).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DelayedQueueBenchmark
 * java -jar benchmarks/target/benchmarks.jar DelayedQueueBenchmark -p pending=1000,1000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DelayedQueueBenchmark {
  static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  /** Preloaded task i is due at FIRST_DUE + i ms. */
  static final Instant FIRST_DUE = START.plus(Duration.ofHours(1));
  private static final int RING = 4096;

  @Param({"1000", "10000", "100000", "1000000"})
  int pending;

  private InMemoryQueueDriver driver;
  private ClaimRequest idleClaim;
  private final List<String> queues = List.of(TaskRequest.DEFAULT_QUEUE);
  /** Precomputed tasks for scheduleAndCancel: random due times within the pending range. */
  private TaskEnvelope[] ring;
  private int ringCursor;
  /** How many due ticks ran: the virtual clock of dueTick. */
  private long ticks;

  @Setup(Level.Trial)
  public void setUp() {
    driver = new InMemoryQueueDriver(new QueueDriverConfig(Duration.ZERO, 0, Duration.ZERO, ZoneOffset.UTC, Map.of()));
    for (int i = 0; i < pending; i++) {
      driver.enqueue(Envelopes.delayed(TaskId.of("p" + i), FIRST_DUE.plusMillis(i), START), START);
    }
    SplittableRandom random = new SplittableRandom(42);
    ring = new TaskEnvelope[RING];
    for (int i = 0; i < RING; i++) {
      Instant runAt = FIRST_DUE.plusMillis(random.nextLong(pending)).plusNanos(1 + random.nextInt(999_999));
      ring[i] = Envelopes.delayed(TaskId.of("c" + i), runAt, START);
    }
    idleClaim = claim(1, START);
  }

  private ClaimRequest claim(int max, Instant now) {
    return new ClaimRequest(queues, max, Duration.ofSeconds(30), "bench", Map.of(), now);
  }

  @Benchmark
  public Object scheduleAndCancel() {
    TaskEnvelope task = ring[ringCursor++ & (RING - 1)];
    driver.enqueue(task, START);
    return driver.cancel(task.id(), START);
  }

  @Benchmark
  public Object idleTick() {
    driver.workNotifications().orElseThrow().nextDueAt(queues, START);
    return driver.claim(idleClaim);
  }

  @Benchmark
  public Object dueTick() {
    Instant now = FIRST_DUE.plusMillis(ticks);
    List<ClaimedTask> claimed = driver.claim(claim(1, now));
    if (claimed.size() != 1) {
      throw new IllegalStateException("expected one due task at tick " + ticks + " but claimed " + claimed.size());
    }
    driver.ack(claimed.get(0).lease(), now);
    driver.enqueue(Envelopes.delayed(TaskId.of("r" + ticks), FIRST_DUE.plusMillis(pending + ticks), now), now);
    ticks++;
    return claimed;
  }
}
