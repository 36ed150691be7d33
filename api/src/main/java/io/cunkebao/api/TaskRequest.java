package io.cunkebao.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to run: a task type, its payload, and when, where and how.
 *
 * <pre>{@code
 * TaskRequest<Welcome> request = TaskRequest.builder("group:welcome", new Welcome(roomId, nickname))
 *     .delay(Duration.ofSeconds(3))
 *     .idempotencyKey("welcome:" + eventId)
 *     .resource(ResourceKey.of("account", wxid))
 *     .build();
 * }</pre>
 *
 * <p>Priority: higher runs first among tasks that are due; equal priorities run in due order.
 * The default is {@value #DEFAULT_PRIORITY}. Immutable and thread-safe.
 *
 * @param <P> the payload type
 */
public final class TaskRequest<P> {
  /** The queue used when none is set: {@value}. */
  public static final String DEFAULT_QUEUE = "default";
  /** The priority used when none is set: {@value}. */
  public static final int DEFAULT_PRIORITY = 0;

  private final String queue;
  private final String type;
  private final P payload;
  private final @Nullable TaskId id;
  private final @Nullable Instant runAt;
  private final @Nullable Duration delay;
  private final int priority;
  private final @Nullable String idempotencyKey;
  private final Set<ResourceKey> resources;
  private final @Nullable RetryPolicy retry;
  private final @Nullable TimeoutPolicy timeout;
  private final @Nullable DeadLetterPolicy deadLetter;

  private TaskRequest(Builder<P> b) {
    this.queue = b.queue;
    this.type = b.type;
    this.payload = b.payload;
    this.id = b.id;
    this.runAt = b.runAt;
    this.delay = b.delay;
    this.priority = b.priority;
    this.idempotencyKey = b.idempotencyKey;
    this.resources = Set.copyOf(b.resources);
    this.retry = b.retry;
    this.timeout = b.timeout;
    this.deadLetter = b.deadLetter;
  }

  /**
   * Starts a request for a task type by name.
   *
   * @param type the task type's name
   * @param payload the payload, an instance of the type's declared class
   * @param <P> the payload type
   * @return a builder
   * @throws InvalidTaskRequestException naming {@code type} or {@code payload} when missing
   */
  public static <P> Builder<P> builder(String type, P payload) {
    return new Builder<>(type, payload);
  }

  /**
   * Starts a request for a task type.
   *
   * @param type the task type
   * @param payload the payload
   * @param <P> the payload type
   * @return a builder
   */
  public static <P> Builder<P> builder(TaskType<P> type, P payload) {
    return new Builder<>(type.name(), payload);
  }

  /**
   * A request to run now on the default queue.
   *
   * @param type the task type
   * @param payload the payload
   * @param <P> the payload type
   * @return the request
   */
  public static <P> TaskRequest<P> of(TaskType<P> type, P payload) {
    return builder(type, payload).build();
  }

  /** @return the queue's name */
  public String queue() {
    return queue;
  }

  /** @return the task type's name */
  public String type() {
    return type;
  }

  /** @return the payload */
  public P payload() {
    return payload;
  }

  /** @return the caller's chosen task id, or empty to have one generated */
  public Optional<TaskId> id() {
    return Optional.ofNullable(id);
  }

  /** @return the time to run at, if set */
  public Optional<Instant> runAt() {
    return Optional.ofNullable(runAt);
  }

  /** @return the delay from submit, if set */
  public Optional<Duration> delay() {
    return Optional.ofNullable(delay);
  }

  /** @return the priority; higher runs first */
  public int priority() {
    return priority;
  }

  /** @return the idempotency key, if set */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** @return the resources the task will hold while it runs */
  public Set<ResourceKey> resources() {
    return resources;
  }

  /** @return the request's own retry policy, if it overrides the type's */
  public Optional<RetryPolicy> retry() {
    return Optional.ofNullable(retry);
  }

  /** @return the request's own timeout, if it overrides the type's */
  public Optional<TimeoutPolicy> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** @return the request's own dead-letter policy, if it overrides the type's */
  public Optional<DeadLetterPolicy> deadLetter() {
    return Optional.ofNullable(deadLetter);
  }

  /**
   * A builder holding this request's values, to derive a variant (a schedule's firing, a trigger's
   * task with its idempotency key).
   *
   * @return a new builder
   */
  public Builder<P> toBuilder() {
    Builder<P> b = new Builder<>(type, payload);
    b.queue = queue;
    b.id = id;
    b.runAt = runAt;
    b.delay = delay;
    b.priority = priority;
    b.idempotencyKey = idempotencyKey;
    b.resources.addAll(resources);
    b.retry = retry;
    b.timeout = timeout;
    b.deadLetter = deadLetter;
    return b;
  }

  /**
   * When the task becomes due, given the submit time.
   *
   * @param now the submit time
   * @return {@code runAt}, or {@code now + delay}, or {@code now}
   */
  public Instant dueAt(Instant now) {
    if (runAt != null) {
      return runAt;
    }
    return delay != null ? now.plus(delay) : now;
  }

  @Override
  public String toString() {
    return "TaskRequest[" + type + " on " + queue + (id != null ? ", id " + id : "")
        + (idempotencyKey != null ? ", key " + idempotencyKey : "") + "]";
  }

  /**
   * Builds a {@link TaskRequest}. Each setter checks its value at once and names the field when
   * it is wrong.
   *
   * @param <P> the payload type
   */
  public static final class Builder<P> {
    private static final int MAX_KEY_LENGTH = 512;
    private String queue = DEFAULT_QUEUE;
    private final String type;
    private final P payload;
    private @Nullable TaskId id;
    private @Nullable Instant runAt;
    private @Nullable Duration delay;
    private int priority = DEFAULT_PRIORITY;
    private @Nullable String idempotencyKey;
    private final Set<ResourceKey> resources = new LinkedHashSet<>();
    private @Nullable RetryPolicy retry;
    private @Nullable TimeoutPolicy timeout;
    private @Nullable DeadLetterPolicy deadLetter;

    private Builder(@Nullable String type, @Nullable P payload) {
      if (type == null || type.isBlank()) {
        throw new InvalidTaskRequestException("type", "must not be blank");
      }
      try {
        TaskType.requireTypeName(type);
      } catch (IllegalArgumentException e) {
        throw new InvalidTaskRequestException("type", e.getMessage());
      }
      if (payload == null) {
        throw new InvalidTaskRequestException("payload", "must not be null");
      }
      this.type = type;
      this.payload = payload;
    }

    /**
     * Sets the queue.
     *
     * @param queue 1 to 64 of {@code [A-Za-z0-9_.:-]}; default {@value #DEFAULT_QUEUE}
     * @return this builder
     */
    public Builder<P> queue(String queue) {
      if (queue == null || !queue.matches("[A-Za-z0-9_.:-]{1,64}")) {
        throw new InvalidTaskRequestException("queue", "must be 1 to 64 of [A-Za-z0-9_.:-] but was '" + queue + "'");
      }
      this.queue = queue;
      return this;
    }

    /**
     * Chooses the task's id instead of a generated one (submitting the same id twice enqueues once).
     *
     * @param id the id
     * @return this builder
     */
    public Builder<P> id(TaskId id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Runs the task at a time (a past time means now). Excludes {@link #delay}.
     *
     * @param runAt the time
     * @return this builder
     */
    public Builder<P> runAt(Instant runAt) {
      if (runAt == null) {
        throw new InvalidTaskRequestException("runAt", "must not be null");
      }
      if (delay != null) {
        throw new InvalidTaskRequestException("runAt", "cannot be set together with delay");
      }
      this.runAt = runAt;
      return this;
    }

    /**
     * Runs the task after a delay from submit. Excludes {@link #runAt}.
     *
     * @param delay not negative
     * @return this builder
     */
    public Builder<P> delay(Duration delay) {
      if (delay == null || delay.isNegative()) {
        throw new InvalidTaskRequestException("delay", "must not be negative but was " + delay);
      }
      if (runAt != null) {
        throw new InvalidTaskRequestException("delay", "cannot be set together with runAt");
      }
      this.delay = delay;
      return this;
    }

    /**
     * Sets the priority: higher runs first.
     *
     * @param priority any int; default {@value #DEFAULT_PRIORITY}
     * @return this builder
     */
    public Builder<P> priority(int priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Sets the idempotency key: a second submit with the same key inside the queue's window
     * (24 h by default) returns the first task's id instead of enqueueing again.
     *
     * @param key 1 to 512 characters
     * @return this builder
     */
    public Builder<P> idempotencyKey(String key) {
      if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
        throw new InvalidTaskRequestException("idempotencyKey", "must be 1 to " + MAX_KEY_LENGTH + " characters");
      }
      this.idempotencyKey = key;
      return this;
    }

    /**
     * Adds a resource the task holds while it runs.
     *
     * @param resource the resource
     * @return this builder
     */
    public Builder<P> resource(ResourceKey resource) {
      if (resource == null) {
        throw new InvalidTaskRequestException("resources", "must not contain null");
      }
      resources.add(resource);
      return this;
    }

    /**
     * Overrides the type's retry policy for this task.
     *
     * @param retry the policy
     * @return this builder
     */
    public Builder<P> retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Overrides the type's timeout for this task.
     *
     * @param timeout the policy
     * @return this builder
     */
    public Builder<P> timeout(TimeoutPolicy timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Overrides the type's dead-letter policy for this task.
     *
     * @param deadLetter the policy
     * @return this builder
     */
    public Builder<P> deadLetter(DeadLetterPolicy deadLetter) {
      this.deadLetter = Objects.requireNonNull(deadLetter, "deadLetter");
      return this;
    }

    /** @return the request; the builder may be used again */
    public TaskRequest<P> build() {
      return new TaskRequest<>(this);
    }
  }
}
