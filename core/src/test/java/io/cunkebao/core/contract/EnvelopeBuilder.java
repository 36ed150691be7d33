package io.cunkebao.core.contract;

import io.cunkebao.api.ResourceKey;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.spi.TaskEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link TaskEnvelope}s for driver tests: queue {@code q}, type {@code send}, the id as
 * payload, priority 0, due at the time given.
 */
public final class EnvelopeBuilder {
  private final TaskId id;
  private final Instant now;
  private String queue = QueueDriverFixture.QUEUE;
  private String type = "send";
  private byte[] payload;
  private int priority;
  private Instant runAt;
  private @Nullable String idempotencyKey;
  private final Set<ResourceKey> resources = new HashSet<>();
  private final Map<String, String> headers = new HashMap<>();

  /**
   * A builder for a task due now.
   *
   * @param id the task's id
   * @param now the current time (also the creation time)
   */
  public EnvelopeBuilder(String id, Instant now) {
    this.id = TaskId.of(id);
    this.now = now;
    this.runAt = now;
    this.payload = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** @param value the queue @return this */
  public EnvelopeBuilder queue(String value) {
    this.queue = value;
    return this;
  }

  /** @param value the type @return this */
  public EnvelopeBuilder type(String value) {
    this.type = value;
    return this;
  }

  /** @param value the payload as UTF-8 @return this */
  public EnvelopeBuilder payload(String value) {
    this.payload = value.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** @param value the priority @return this */
  public EnvelopeBuilder priority(int value) {
    this.priority = value;
    return this;
  }

  /** @param delay how long after now the task is due @return this */
  public EnvelopeBuilder delay(Duration delay) {
    this.runAt = now.plus(delay);
    return this;
  }

  /** @param value the idempotency key @return this */
  public EnvelopeBuilder key(String value) {
    this.idempotencyKey = value;
    return this;
  }

  /** @param kind the resource kind @param resourceId its id @return this */
  public EnvelopeBuilder resource(String kind, String resourceId) {
    resources.add(ResourceKey.of(kind, resourceId));
    return this;
  }

  /** @param name a header @param value its value @return this */
  public EnvelopeBuilder header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** @return the envelope */
  public TaskEnvelope build() {
    return new TaskEnvelope(id, queue, type, payload, priority, runAt, now, idempotencyKey, resources, headers);
  }
}
