package io.cunkebao.api;

/** What a schedule does when its previous firing's task has not finished. */
public enum OverlapPolicy {
  /** Skip this firing (the default, the seed's task lock). */
  SKIP,
  /** Enqueue this firing anyway; it waits in the queue. */
  QUEUE
}
