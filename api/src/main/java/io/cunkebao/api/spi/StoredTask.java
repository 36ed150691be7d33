package io.cunkebao.api.spi;

import io.cunkebao.api.Progress;
import io.cunkebao.api.TaskStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A task's state as the driver keeps it.
 *
 * @param envelope the task as enqueued (its {@code runAt} is the original one)
 * @param status its status
 * @param attempts how many attempts have started
 * @param runAt when it is due now (after retries and replays)
 * @param updatedAt its last change
 * @param lastError the last failure or dead-letter reason, or null
 * @param checkpoint the last checkpoint, or null
 * @param progress the last progress, or null
 * @param deadLettered whether it is in the dead-letter queue
 */
public record StoredTask(
    TaskEnvelope envelope,
    TaskStatus status,
    int attempts,
    Instant runAt,
    Instant updatedAt,
    @Nullable String lastError,
    byte @Nullable [] checkpoint,
    @Nullable Progress progress,
    boolean deadLettered) {}
