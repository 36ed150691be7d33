package io.cunkebao.api;

/**
 * What happens to a task whose retries are exhausted or whose failure is not retryable. Either way
 * its status is {@link TaskStatus#FAILED} with the reason kept.
 */
public enum DeadLetterPolicy {
  /** Keep it in the dead-letter queue, where it can be listed, replayed and purged (the default). */
  KEEP,
  /** Mark it failed but keep it out of the dead-letter queue (for tasks nobody would replay). */
  DISCARD
}
