package io.cunkebao.api;

import java.time.Duration;

/**
 * Counts kept by the queue, across every node that shares it.
 *
 * @param pending tasks waiting to run, delayed ones and retries included (the queue length)
 * @param delayed of {@code pending}, those not due yet
 * @param running tasks claimed and running (processing)
 * @param paused tasks paused
 * @param deadLettered tasks in the dead-letter queue
 * @param completedToday tasks completed since midnight in the engine's zone
 * @param failedToday attempts failed since midnight, retried or not
 * @param averageProcessingTime mean time from claim to completion of today's completed tasks
 */
public record QueueStats(
    long pending,
    long delayed,
    long running,
    long paused,
    long deadLettered,
    long completedToday,
    long failedToday,
    Duration averageProcessingTime) {

  /** Nothing counted. */
  public static final QueueStats EMPTY = new QueueStats(0, 0, 0, 0, 0, 0, 0, Duration.ZERO);
}
