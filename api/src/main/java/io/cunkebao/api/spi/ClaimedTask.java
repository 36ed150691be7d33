package io.cunkebao.api.spi;

import io.cunkebao.api.Progress;
import org.jspecify.annotations.Nullable;

/**
 * A task handed to a worker by a claim.
 *
 * @param envelope the task
 * @param lease the worker's hold on it
 * @param attempt the number of this run: 1 for the first, counting runs whose lease expired
 * @param checkpoint the last checkpoint any attempt wrote, or null
 * @param progress the last progress any attempt reported, or null
 */
public record ClaimedTask(TaskEnvelope envelope, Lease lease, int attempt, byte @Nullable [] checkpoint, @Nullable Progress progress) {}
