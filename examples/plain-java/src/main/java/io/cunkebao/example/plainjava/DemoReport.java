package io.cunkebao.example.plainjava;

import io.cunkebao.api.MonitoringSnapshot;
import io.cunkebao.api.TaskInfo;
import io.cunkebao.api.TaskStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one demo run did, for the summary it prints and for the tests.
 *
 * @param submitted tasks submitted
 * @param endedInTime whether every task ended before the deadline
 * @param elapsed from engine start to the last task's end (or the deadline)
 * @param finalStatuses how many tasks the queue holds in each status at the end
 * @param unfinished tasks that had not ended, with their status
 * @param retries failed attempts that were run again
 * @param deduplicated whether submitting a request again with its idempotency key returned the
 *     first task's id
 * @param duplicateDeliveries units of work the phones received twice (0 expected)
 * @param mostLikesAtOnce the most likes of one account that ran at the same time (1 expected)
 * @param batchesResumed batch attempts that went on from a checkpoint
 * @param engineErrors unexpected errors the engine reported
 * @param firstEngineErrors the first few of them
 * @param deadLetters the dead-letter queue at the end (the first few)
 * @param snapshot the monitoring snapshot at the end
 */
public record DemoReport(
    int submitted,
    boolean endedInTime,
    Duration elapsed,
    Map<TaskStatus, Long> finalStatuses,
    List<String> unfinished,
    long retries,
    boolean deduplicated,
    long duplicateDeliveries,
    int mostLikesAtOnce,
    int batchesResumed,
    long engineErrors,
    List<String> firstEngineErrors,
    List<TaskInfo> deadLetters,
    MonitoringSnapshot snapshot) {

  /** Copies the collections. */
  public DemoReport {
    finalStatuses = Map.copyOf(finalStatuses);
    unfinished = List.copyOf(unfinished);
    firstEngineErrors = List.copyOf(firstEngineErrors);
    deadLetters = List.copyOf(deadLetters);
  }

  /** @return 0 when every task ended in time, 1 otherwise */
  public int exitCode() {
    return endedInTime && unfinished.isEmpty() ? 0 : 1;
  }

  /**
   * How many tasks ended with a status, by the queue's account.
   *
   * @param status the status
   * @return the count
   */
  public long count(TaskStatus status) {
    return finalStatuses.getOrDefault(status, 0L);
  }

  /**
   * Prints the summary.
   *
   * @param out where to print
   */
  public void print(PrintStream out) {
    if (exitCode() == 0) {
      out.printf("All %d tasks ended in %.1f s: %d completed, %d failed (dead-lettered), %d cancelled; %d retries.%n",
          submitted, elapsed.toMillis() / 1000.0, count(TaskStatus.COMPLETED), count(TaskStatus.FAILED),
          count(TaskStatus.CANCELLED), retries);
    } else {
      out.printf("NOT DONE: %d of %d tasks had not ended after %.1f s, for example %s%n",
          unfinished.size(), submitted, elapsed.toMillis() / 1000.0, unfinished.subList(0, Math.min(5, unfinished.size())));
    }
    out.printf("Dead letter (%d shown; list, replay and purge them through the client):%n", deadLetters.size());
    for (TaskInfo task : deadLetters) {
      out.printf("  %s %s: %s%n", task.id(), task.type(), task.error().orElse("(no reason kept)"));
    }
    out.printf("Batch pushes that resumed from a checkpoint: %d; deliveries made twice: %d; most likes of one account at once: %d.%n",
        batchesResumed, duplicateDeliveries, mostLikesAtOnce);
    if (engineErrors > 0) {
      out.printf("The engine reported %d unexpected error(s), first: %s%n", engineErrors, firstEngineErrors);
    }
    out.println("Monitoring: " + snapshot.summary());
  }
}
