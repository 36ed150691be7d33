package io.cunkebao.api;

/** Why the engine asks a running attempt to stop; see {@link TaskContext#stopReason()}. */
public enum StopReason {
  /** A user cancelled the task; it ends cancelled (status 4). */
  CANCELLED,
  /** A user paused the task or its queue; it is handed back paused and resumes later. */
  PAUSED,
  /** The attempt ran past its timeout; it fails with the reason "timeout" and may be retried. */
  TIMEOUT,
  /** The engine is shutting down; the task is handed back to the queue without losing an attempt. */
  SHUTDOWN,
  /** Another worker holds the task now; nothing this attempt writes will be accepted. */
  LEASE_LOST
}
