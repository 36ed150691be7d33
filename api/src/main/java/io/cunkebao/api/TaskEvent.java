package io.cunkebao.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One transition of one task, as listeners see it.
 *
 * @param kind what happened
 * @param taskId the task
 * @param queue its queue
 * @param type its task type
 * @param from its status before, or null when it was just enqueued
 * @param to its status after
 * @param attempt the attempt concerned (0 before the first run)
 * @param at when it happened, by the engine's clock
 * @param reason why (the failure, "timeout", the dead-letter reason ...), or null
 */
public record TaskEvent(
    Kind kind,
    TaskId taskId,
    String queue,
    String type,
    @Nullable TaskStatus from,
    TaskStatus to,
    int attempt,
    Instant at,
    @Nullable String reason) {

  /** What happened to the task. */
  public enum Kind {
    /** Accepted by the queue (status pending). */
    ENQUEUED,
    /** Claimed and started by a worker (running). */
    STARTED,
    /** Finished successfully (completed). */
    SUCCEEDED,
    /** Failed and scheduled to run again (pending). */
    RETRY_SCHEDULED,
    /** Failed for good (failed; in the dead-letter queue unless discarded). */
    DEAD_LETTERED,
    /** Cancelled (cancelled). */
    CANCELLED,
    /** Paused, or its pause was honoured by the running attempt (paused). */
    PAUSED,
    /** Resumed (pending). */
    RESUMED,
    /** Replayed from the dead-letter queue (pending). */
    REPLAYED,
    /** Handed back to the queue unfinished, at shutdown, without counting the attempt (pending). */
    RELEASED,
    /** The attempt's lease was lost to another worker; its outcome was not recorded. */
    LEASE_LOST
  }
}
