package io.cunkebao.core.internal.memory;

/**
 * Where a task sits among the driver's indexes. A task is in exactly one slot; {@link TaskIndex}
 * moves it and keeps the per-queue counts of each slot, so statistics never scan.
 */
enum Slot {
  /** In no index: being moved, or forgotten. */
  NONE,
  /** Pending and due: in its queue's ready set. */
  READY,
  /** Pending, not due yet: in its queue's delayed set. */
  DELAYED,
  /** Pending and due, but a resource it needs was full: in that resource's parked set. */
  PARKED,
  /** Claimed: in the lease-expiry index. */
  RUNNING,
  /** Paused: in no ordered index, only counted. */
  PAUSED,
  /** Failed and kept in its queue's dead-letter list. */
  DEAD,
  /** Completed, cancelled, or failed outside the dead-letter queue: in the retention list. */
  FINISHED;

  /** @return whether a task in this slot counts as pending (ready, delayed or parked) */
  boolean isPending() {
    return this == READY || this == DELAYED || this == PARKED;
  }
}
