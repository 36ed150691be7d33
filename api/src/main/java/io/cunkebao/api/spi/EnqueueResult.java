package io.cunkebao.api.spi;

import io.cunkebao.api.TaskId;

/**
 * The answer to an enqueue.
 *
 * @param id the id of the task that holds the work: the new one, or the one already enqueued
 * @param created false when the envelope was a duplicate inside the idempotency window
 */
public record EnqueueResult(TaskId id, boolean created) {}
