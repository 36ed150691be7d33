package io.cunkebao.api;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a task's state, as {@link TaskClient#status} returns it.
 *
 * @param id the task's id
 * @param queue its queue
 * @param type its task type
 * @param status its status
 * @param priority its priority
 * @param attempts how many attempts have started
 * @param runAt when it is (or was) due
 * @param createdAt when it was enqueued
 * @param updatedAt its last change
 * @param idempotencyKey its idempotency key, or null
 * @param resources the resources it holds while running
 * @param lastError the last attempt's failure, or null
 * @param progress its last reported progress, or null
 * @param deadLettered whether it sits in the dead-letter queue
 */
public record TaskInfo(
    TaskId id,
    String queue,
    String type,
    TaskStatus status,
    int priority,
    int attempts,
    Instant runAt,
    Instant createdAt,
    Instant updatedAt,
    @Nullable String idempotencyKey,
    Set<ResourceKey> resources,
    @Nullable String lastError,
    @Nullable Progress progress,
    boolean deadLettered) {

  /** Copies the resource set. */
  public TaskInfo {
    resources = Set.copyOf(resources);
  }

  /** @return the last failure, if any */
  public Optional<String> error() {
    return Optional.ofNullable(lastError);
  }
}
