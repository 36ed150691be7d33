package io.cunkebao.core.workflow;

/** Where a workflow instance stands. */
public enum WorkflowStatus {
  /** A step is waiting to run or running. */
  RUNNING,
  /** Paused: no further step starts until resumed. */
  PAUSED,
  /** Every step completed or was skipped. */
  COMPLETED,
  /** A step failed for good and had no on-failure step (or that failed too). */
  FAILED,
  /** Cancelled: no further step starts. */
  CANCELLED;

  /** @return whether the instance can change no more */
  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
