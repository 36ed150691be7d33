package io.cunkebao.benchmarks;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskListener;
import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.TaskEnvelope;
import io.cunkebao.core.InMemoryQueueDriver;
import io.cunkebao.core.Schedulers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of heap does one queued task keep, beyond its payload? Target (issue 6): at most
 * 300 bytes per delayed task in the in-memory queue.
 *
 * <p>Not a JMH benchmark: retained heap is a state, not a rate. The harness measures the used
 * heap after repeated full GCs ({@link MemoryMXBean}) before and after filling a queue, divides
 * the growth by the task count and subtracts the payload array ({@value Envelopes#PAYLOAD_JSON},
 * {@link Envelopes#payloadBytes()} bytes). Three cases, each repeated {@code rounds} times on a
 * fresh queue:
 *
 * <ul>
 *   <li>{@code driver}: N delayed envelopes built as the engine builds them, then enqueued
 *       straight into an {@link InMemoryQueueDriver} with default settings; reports the
 *       envelope (id, times, payload) and the driver's own bookkeeping apart;
 *   <li>{@code engine}: N delayed tasks submitted through {@code Schedulers.builder()} defaults
 *       (not started): everything a submit leaves behind;
 *   <li>{@code finished}: N no-op tasks run to completion by a started engine with defaults: what
 *       a finished task keeps while its 24 h idempotency window is open.
 * </ul>
 *
 * <pre>
 * java -Xmx4g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.cunkebao.benchmarks.HeapPerTask [tasks=1000000] [rounds=3]
 * </pre>
 */
public final class HeapPerTask {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private HeapPerTask() {}

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    System.out.printf("JVM %s, max heap %d MiB, %d tasks, %d rounds, payload %s = %d bytes%n",
        Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, tasks, rounds, Envelopes.PAYLOAD_JSON, Envelopes.payloadBytes());
    for (int round = 1; round <= rounds; round++) {
      driver(tasks, round);
      engine(tasks, round);
      finished(Math.min(tasks, 200_000), round);
    }
  }

  private static void driver(int tasks, int round) {
    long before = usedAfterGc();
    List<TaskEnvelope> envelopes = new ArrayList<>(tasks);
    long list = usedAfterGc() - before; // the list's own array, kept through both steps
    for (int i = 0; i < tasks; i++) {
      envelopes.add(Envelopes.delayed(TaskId.generate(NOW), NOW.plus(Duration.ofHours(1)), NOW));
    }
    long built = usedAfterGc();
    InMemoryQueueDriver driver = InMemoryQueueDriver.withDefaults(ZoneOffset.UTC);
    for (TaskEnvelope envelope : envelopes) {
      driver.enqueue(envelope, NOW);
    }
    long queued = usedAfterGc();
    double envelope = (double) (built - before - list) / tasks - Envelopes.payloadBytes();
    double bookkeeping = (double) (queued - built) / tasks;
    System.out.printf("round %d driver:   envelope+id+times %.1f B, driver bookkeeping %.1f B, total beyond payload %.1f B/task%n",
        round, envelope, bookkeeping, envelope + bookkeeping);
    keep(driver, envelopes);
  }

  private static void engine(int tasks, int round) {
    TaskType<EngineSink.Noop> type = TaskType.of("bench:noop", EngineSink.Noop.class, (payload, context) -> { });
    TaskRequest<EngineSink.Noop> request = TaskRequest.builder(type, new EngineSink.Noop(0)).delay(Duration.ofHours(1)).build();
    long before = usedAfterGc();
    TaskScheduler engine = Schedulers.builder().taskTypes(type).build();
    long empty = usedAfterGc();
    for (int i = 0; i < tasks; i++) {
      engine.submit(request);
    }
    long queued = usedAfterGc();
    System.out.printf("round %d engine:   %.1f B/task beyond payload (empty engine %d KiB)%n",
        round, (double) (queued - empty) / tasks - Envelopes.payloadBytes(), (empty - before) >> 10);
    engine.shutdown(Duration.ZERO);
  }

  private static void finished(int tasks, int round) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(tasks);
    TaskType<EngineSink.Noop> type = TaskType.of("bench:noop", EngineSink.Noop.class, (payload, context) -> { });
    TaskRequest<EngineSink.Noop> request = TaskRequest.of(type, new EngineSink.Noop(0));
    TaskScheduler engine = Schedulers.builder().taskTypes(type).listener(new TaskListener() {
      @Override
      public void onTaskEvent(TaskEvent event) {
        if (event.kind() == TaskEvent.Kind.SUCCEEDED) {
          done.countDown();
        }
      }
    }).build();
    engine.start();
    long empty = usedAfterGc();
    for (int i = 0; i < tasks; i++) {
      engine.submit(request);
    }
    if (!done.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("tasks did not finish: " + done.getCount() + " left");
    }
    long kept = usedAfterGc();
    System.out.printf("round %d finished: %.1f B/task kept after completion, payload included (%d tasks, default 24 h window)%n",
        round, (double) (kept - empty) / tasks, tasks);
    engine.shutdown(Duration.ofSeconds(5));
  }

  /** Keeps the measured objects reachable until the measurement is taken. */
  private static void keep(Object... objects) {
    java.lang.ref.Reference.reachabilityFence(objects);
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
