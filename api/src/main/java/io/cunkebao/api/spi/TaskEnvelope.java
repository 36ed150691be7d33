package io.cunkebao.api.spi;

import io.cunkebao.api.ResourceKey;
import io.cunkebao.api.TaskId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A task as drivers see it: the encoded payload plus metadata, never a payload class.
 *
 * @param id the task's id
 * @param queue its queue
 * @param type its task type's name
 * @param payload the payload, encoded by the engine (JSON)
 * @param priority higher is claimed first
 * @param runAt when it becomes due
 * @param createdAt when it was submitted
 * @param idempotencyKey the key it is deduplicated on, or null (the id then serves)
 * @param resources resources it holds while running
 * @param headers engine metadata the driver stores and returns unchanged (policy overrides ...)
 */
public record TaskEnvelope(
    TaskId id,
    String queue,
    String type,
    byte[] payload,
    int priority,
    Instant runAt,
    Instant createdAt,
    @Nullable String idempotencyKey,
    Set<ResourceKey> resources,
    Map<String, String> headers) {

  /**
   * The header the engine sets ({@code "true"}) when it generated the task's id: no other enqueue
   * can carry that id, so a driver need not remember it for deduplication once the task is gone
   * (only idempotency keys and caller-chosen ids need their window).
   */
  public static final String GENERATED_ID_HEADER = "cunkebao.generatedId";

  /** Headers holding only {@link #GENERATED_ID_HEADER}, shared so that it costs no memory per task. */
  public static final Map<String, String> GENERATED_ID_ONLY = Map.of(GENERATED_ID_HEADER, "true");

  /** @return whether the engine generated this task's id (see {@link #GENERATED_ID_HEADER}) */
  public boolean generatedId() {
    return "true".equals(headers.get(GENERATED_ID_HEADER));
  }

  /** Copies the collections; checks that nothing required is null. */
  public TaskEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(runAt, "runAt");
    Objects.requireNonNull(createdAt, "createdAt");
    resources = Set.copyOf(resources);
    headers = Map.copyOf(headers);
  }

  /**
   * Whether another envelope asks for the same work (type and payload), which decides between a
   * duplicate and a conflict on an idempotency key.
   *
   * @param other the other envelope
   * @return true when type and payload bytes are equal
   */
  public boolean sameWorkAs(TaskEnvelope other) {
    return type.equals(other.type) && Arrays.equals(payload, other.payload);
  }

  /** @return the key that deduplicates this envelope: the idempotency key, else the id */
  public String dedupeKey() {
    return idempotencyKey != null ? idempotencyKey : "id:" + id.value();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskEnvelope e && id.equals(e.id) && queue.equals(e.queue) && type.equals(e.type)
        && Arrays.equals(payload, e.payload) && priority == e.priority && runAt.equals(e.runAt)
        && createdAt.equals(e.createdAt) && Objects.equals(idempotencyKey, e.idempotencyKey)
        && resources.equals(e.resources) && headers.equals(e.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, queue, type, Arrays.hashCode(payload), priority, runAt);
  }

  @Override
  public String toString() {
    return "TaskEnvelope[" + id + ", " + type + " on " + queue + ", " + payload.length + " bytes, due " + runAt + "]";
  }
}
