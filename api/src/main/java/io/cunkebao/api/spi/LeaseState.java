package io.cunkebao.api.spi;

/** The answer to a lease extension or checkpoint write: whether the holder may go on. */
public enum LeaseState {
  /** The lease holds; go on. */
  ACTIVE,
  /** The lease holds, and a user asked to cancel the task. */
  CANCEL_REQUESTED,
  /** The lease holds, and a user paused the task or its queue. */
  PAUSE_REQUESTED,
  /** The lease expired or another worker holds the task; the write was refused. */
  LOST
}
