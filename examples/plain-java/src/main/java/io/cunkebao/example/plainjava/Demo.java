package io.cunkebao.example.plainjava;

import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskInfo;
import io.cunkebao.api.TaskPolicy;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.core.Schedulers;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One run of the demo: start an engine on the in-memory queue, submit the {@link Workload}, print
 * progress until every task has ended (or the deadline passed), then print the summary.
 */
public final class Demo {
  /** The seed of the workload and of the simulated phones' failures. */
  public static final long SEED = 42;
  /** How long the demo waits for every task to end before it gives up. */
  public static final Duration DEADLINE = Duration.ofSeconds(60);
  /**
   * The demo's retry delays. Production keeps the seed's 60, 300 and 900 s; the demo shortens them
   * so that a run takes seconds, with the same number of retries.
   */
  public static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
  /** The engine's max concurrency in the demo. */
  public static final int MAX_CONCURRENCY = 8;

  private final PrintStream out;
  private final long seed;
  private final Duration deadline;

  /**
   * A demo run.
   *
   * @param out where to print
   * @param seed the seed of the workload and the failures
   * @param deadline how long to wait for every task to end
   */
  public Demo(PrintStream out, long seed, Duration deadline) {
    this.out = out;
    this.seed = seed;
    this.deadline = deadline;
  }

  /**
   * Runs the demo to its end.
   *
   * @return what happened
   * @throws InterruptedException when the calling thread is interrupted while it waits
   */
  public DemoReport run() throws InterruptedException {
    Workload workload = Workload.generate(seed);
    TaskTracker tracker = new TaskTracker(workload.size());
    LikeMomentTask likes = new LikeMomentTask();
    BatchPushTask batches = new BatchPushTask();
    printIntro(workload);
    try (SimulatedDevice device = new SimulatedDevice(seed);
        TaskScheduler engine = Schedulers.builder()
            .maxConcurrency(MAX_CONCURRENCY)
            .resourceLimit(LikeMomentTask.RESOURCE_KIND, 1)
            .defaultPolicy(TaskPolicy.seedDefault().withRetry(RetryPolicy.delays(RETRY_DELAYS.toArray(Duration[]::new))))
            // Everything has ended when close() runs, unless the deadline passed: then do not
            // wait the default 30 s for stragglers.
            .shutdownTimeout(Duration.ofSeconds(5))
            .taskTypes(SendTextTask.type(device), likes.type(device), batches.type(device))
            .listener(tracker)
            .build();
        ProgressPrinter progress = new ProgressPrinter(out, tracker, engine)) {
      engine.start();
      progress.start();
      List<TaskId> ids = submitAll(engine, workload);
      boolean deduplicated = engine.submit(workload.duplicateOfFirstSend()).equals(ids.get(0));
      out.printf("Submitted %d tasks; submitting msg-0000 again with its idempotency key %s.%n",
          ids.size(), deduplicated ? "returned the same task id (nothing enqueued)" : "ENQUEUED A SECOND TASK");
      boolean inTime = tracker.awaitAllEnded(deadline);
      progress.close();
      progress.printLine();
      Map<TaskId, Optional<TaskStatus>> finalStatus = finalStatuses(engine, ids);
      DemoReport report = new DemoReport(ids.size(), inTime, Duration.ofMillis(Math.round(progress.elapsedSeconds() * 1000)),
          countByStatus(finalStatus), unfinished(finalStatus), tracker.retries(), deduplicated,
          device.duplicateDeliveries(), likes.mostAtOnceForOneAccount(), batches.resumedFromCheckpoint(),
          tracker.engineErrors(), tracker.firstEngineErrors(), engine.deadLetters(TaskRequest.DEFAULT_QUEUE, 10),
          engine.snapshot());
      report.print(out);
      return report;
    }
  }

  private void printIntro(Workload workload) {
    out.printf("Cunkebao Engine demo: %d tasks on the in-memory queue (%d %s, %d %s, %d %s of %d groups), seed %d.%n",
        workload.size(), Workload.SENDS, SendTextTask.NAME, Workload.LIKES, LikeMomentTask.NAME,
        Workload.BATCHES, BatchPushTask.NAME, Workload.ROOMS_PER_BATCH, seed);
    out.printf("Retry delays shortened from 60/300/900 s to %s ms for the demo (still at most %d runs per task).%n",
        RETRY_DELAYS.stream().map(d -> Long.toString(d.toMillis())).collect(Collectors.joining("/")), RETRY_DELAYS.size() + 1);
    out.printf("Simulated phones fail %.0f%% of sends, %.0f%% of likes and %.0f%% of group pushes; %d sends go to a deleted friend.%n",
        SimulatedDevice.SEND_FAILURE_RATE * 100, SimulatedDevice.LIKE_FAILURE_RATE * 100, SimulatedDevice.PUSH_FAILURE_RATE * 100,
        Workload.SENDS_TO_DELETED_FRIEND.size());
    out.printf("Engine: max concurrency %d, at most 1 running task per %s; deadline %d s.%n",
        MAX_CONCURRENCY, LikeMomentTask.RESOURCE_KIND, deadline.toSeconds());
  }

  private static List<TaskId> submitAll(TaskScheduler engine, Workload workload) {
    List<TaskId> ids = new ArrayList<>(workload.size());
    for (TaskRequest<?> request : workload.requests()) {
      ids.add(engine.submit(request));
    }
    return ids;
  }

  /** Asks the engine, not the listener, so the summary shows what the queue itself holds. */
  private static Map<TaskId, Optional<TaskStatus>> finalStatuses(TaskScheduler engine, List<TaskId> ids) {
    Map<TaskId, Optional<TaskStatus>> statuses = new LinkedHashMap<>();
    for (TaskId id : ids) {
      statuses.put(id, engine.status(id).map(TaskInfo::status));
    }
    return statuses;
  }

  private static Map<TaskStatus, Long> countByStatus(Map<TaskId, Optional<TaskStatus>> statuses) {
    Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
    statuses.values().forEach(s -> s.ifPresent(status -> counts.merge(status, 1L, Long::sum)));
    return counts;
  }

  private static List<String> unfinished(Map<TaskId, Optional<TaskStatus>> statuses) {
    List<String> list = new ArrayList<>();
    statuses.forEach((id, status) -> {
      if (status.isEmpty() || !status.get().isTerminal()) {
        list.add(id + " (" + status.map(TaskStatus::name).orElse("unknown to the queue") + ")");
      }
    });
    return list;
  }
}
