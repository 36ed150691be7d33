package io.cunkebao.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The monitoring view of the original system, taken at one instant.
 *
 * @param at when it was taken
 * @param queueLength tasks waiting (delayed and retries included), over the engine's queues
 * @param processing tasks running, on every node sharing the queue
 * @param completedToday tasks completed today
 * @param failedToday attempts failed today
 * @param deadLettered tasks in the dead-letter queue
 * @param averageProcessingTime mean claim-to-completion time of today's completed tasks
 * @param workers this engine's worker slots
 */
public record MonitoringSnapshot(
    Instant at,
    long queueLength,
    long processing,
    long completedToday,
    long failedToday,
    long deadLettered,
    Duration averageProcessingTime,
    List<WorkerStatus> workers) {

  /** Copies the worker list. */
  public MonitoringSnapshot {
    workers = List.copyOf(workers);
  }

  /** @return the number of worker slots running a task */
  public long busyWorkers() {
    return workers.stream().filter(w -> !w.idle()).count();
  }

  /** @return one line for logs and consoles */
  public String summary() {
    return String.format(
        "queue %d | processing %d | completed today %d | failed today %d | dead letter %d | avg %d ms | workers %d/%d busy",
        queueLength, processing, completedToday, failedToday, deadLettered,
        averageProcessingTime.toMillis(), busyWorkers(), workers.size());
  }
}
