package io.cunkebao.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status of a task, with the numeric codes of the original system.
 *
 * <p>The legal transitions live here and nowhere else ({@link #canTransitionTo}); every driver and
 * the engine check them through {@link #requireTransitionTo}.
 *
 * <pre>
 *   PENDING --claim--> RUNNING --ack--> COMPLETED
 *      ^  \               |  \--retry--> PENDING (delayed)
 *      |   \--pause--> PAUSED  \--dead letter / exhausted--> FAILED --replay--> PENDING
 *      |                  |     \--release (shutdown, lease expiry)--> PENDING
 *      \----resume--------/
 *   PENDING, PAUSED, RUNNING (cooperatively) --cancel--> CANCELLED
 * </pre>
 */
public enum TaskStatus {
  /** Waiting to run: ready, delayed to a run-at time, or waiting for a retry. Code 0. */
  PENDING(0),
  /** Claimed by a worker and running under a lease. Code 1. */
  RUNNING(1),
  /** Finished successfully. Code 2. */
  COMPLETED(2),
  /** Failed for good: retries exhausted or non-retryable; dead-lettered tasks are failed. Code 3. */
  FAILED(3),
  /** Cancelled by a user before or while running. Code 4. */
  CANCELLED(4),
  /** Held back until resumed. Code 5. */
  PAUSED(5);

  private final int code;

  TaskStatus(int code) {
    this.code = code;
  }

  /**
   * The code of the original system (0 pending ... 5 paused).
   *
   * @return the numeric code
   */
  public int code() {
    return code;
  }

  /**
   * The status with the given code.
   *
   * @param code 0 to 5
   * @return the status
   * @throws IllegalArgumentException for any other code
   */
  public static TaskStatus fromCode(int code) {
    for (TaskStatus status : values()) {
      if (status.code == code) {
        return status;
      }
    }
    throw new IllegalArgumentException("no task status has code " + code + " (0 to 5 exist)");
  }

  /**
   * Whether no transition leaves this status except an explicit replay.
   *
   * @return true for completed, failed and cancelled
   */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /**
   * Whether a task may move from this status to {@code next}.
   *
   * @param next the status to move to
   * @return true when the transition is legal
   */
  public boolean canTransitionTo(TaskStatus next) {
    return allowedNext().contains(next);
  }

  /**
   * Checks a transition.
   *
   * @param next the status to move to
   * @throws IllegalTransitionException naming both statuses when the transition is illegal
   */
  public void requireTransitionTo(TaskStatus next) {
    if (!canTransitionTo(next)) {
      throw new IllegalTransitionException(this, next);
    }
  }

  private Set<TaskStatus> allowedNext() {
    return Transitions.ALLOWED.get(this);
  }

  /** The transition table, built once (a set per call was measurable on the hot path). */
  private static final class Transitions {
    static final java.util.Map<TaskStatus, Set<TaskStatus>> ALLOWED = build();

    private static java.util.Map<TaskStatus, Set<TaskStatus>> build() {
      java.util.Map<TaskStatus, Set<TaskStatus>> table = new java.util.EnumMap<>(TaskStatus.class);
      table.put(PENDING, java.util.Collections.unmodifiableSet(EnumSet.of(RUNNING, PAUSED, CANCELLED)));
      // RUNNING -> PENDING: retry or release; -> PAUSED: a pause honoured at a checkpoint or attempt end.
      table.put(RUNNING, java.util.Collections.unmodifiableSet(EnumSet.of(COMPLETED, PENDING, FAILED, CANCELLED, PAUSED)));
      table.put(PAUSED, java.util.Collections.unmodifiableSet(EnumSet.of(PENDING, CANCELLED)));
      // FAILED -> PENDING: replay from the dead-letter queue.
      table.put(FAILED, java.util.Collections.unmodifiableSet(EnumSet.of(PENDING)));
      table.put(COMPLETED, java.util.Collections.unmodifiableSet(EnumSet.noneOf(TaskStatus.class)));
      table.put(CANCELLED, java.util.Collections.unmodifiableSet(EnumSet.noneOf(TaskStatus.class)));
      return java.util.Collections.unmodifiableMap(table);
    }
  }
}
