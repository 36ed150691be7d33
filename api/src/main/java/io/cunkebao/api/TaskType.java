package io.cunkebao.api;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A kind of task: its name, the payload class it declares, its handler and its default policies.
 *
 * <pre>{@code
 * TaskType<SendText> sendText = TaskType.builder("message:sendText", SendText.class)
 *     .handler((payload, ctx) -> device.send(payload))
 *     .policy(TaskPolicy.seedDefault().withRetry(RetryPolicy.delays(Duration.ofSeconds(10))))
 *     .build();
 * }</pre>
 *
 * <p>Payloads travel as JSON and are bound back to {@link #payloadType()} only, never to a class
 * named by the data. Use records or plain classes with Jackson-friendly constructors.
 *
 * @param <P> the payload type
 */
public final class TaskType<P> {
  private final String name;
  private final Class<P> payloadType;
  private final TaskHandler<P> handler;
  private final @Nullable TaskPolicy policy;

  private TaskType(Builder<P> builder) {
    this.name = builder.name;
    this.payloadType = builder.payloadType;
    this.handler = Objects.requireNonNull(builder.handler, () -> "task type '" + builder.name + "' has no handler");
    this.policy = builder.policy;
  }

  /**
   * Starts a task type.
   *
   * @param name such as {@code workbench:groupPush}: 1 to 128 of {@code [A-Za-z0-9_.:-]}
   * @param payloadType the class payloads bind to
   * @param <P> the payload type
   * @return a builder
   */
  public static <P> Builder<P> builder(String name, Class<P> payloadType) {
    return new Builder<>(name, payloadType);
  }

  /**
   * A task type with a blocking handler and the engine's default policies.
   *
   * @param name the type name
   * @param payloadType the payload class
   * @param handler the handler
   * @param <P> the payload type
   * @return the task type
   */
  public static <P> TaskType<P> of(String name, Class<P> payloadType, BlockingTaskHandler<P> handler) {
    return builder(name, payloadType).handler(handler).build();
  }

  /** @return the type name */
  public String name() {
    return name;
  }

  /** @return the class payloads bind to */
  public Class<P> payloadType() {
    return payloadType;
  }

  /** @return the handler, in its asynchronous form */
  public TaskHandler<P> handler() {
    return handler;
  }

  /** @return the type's default policies, or empty to use the engine's */
  public Optional<TaskPolicy> policy() {
    return Optional.ofNullable(policy);
  }

  @Override
  public String toString() {
    return "TaskType[" + name + ", " + payloadType.getName() + "]";
  }

  /**
   * Builds a {@link TaskType}.
   *
   * @param <P> the payload type
   */
  public static final class Builder<P> {
    private final String name;
    private final Class<P> payloadType;
    private @Nullable TaskHandler<P> handler;
    private @Nullable TaskPolicy policy;

    private Builder(String name, Class<P> payloadType) {
      this.name = requireTypeName(name);
      this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
    }

    /**
     * Sets a handler that finishes on the worker thread.
     *
     * @param handler the handler
     * @return this builder
     */
    public Builder<P> handler(BlockingTaskHandler<P> handler) {
      Objects.requireNonNull(handler, "handler");
      requireNoHandler();
      this.handler = (payload, context) -> {
        handler.handle(payload, context);
        return null;
      };
      return this;
    }

    /**
     * Sets a handler that may finish later through a stage.
     *
     * @param handler the handler
     * @return this builder
     */
    public Builder<P> asyncHandler(TaskHandler<P> handler) {
      Objects.requireNonNull(handler, "handler");
      requireNoHandler();
      this.handler = handler;
      return this;
    }

    /**
     * Sets the type's default policies (requests may still override them).
     *
     * @param policy the policies
     * @return this builder
     */
    public Builder<P> policy(TaskPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** @return the task type */
    public TaskType<P> build() {
      return new TaskType<>(this);
    }

    private void requireNoHandler() {
      if (handler != null) {
        throw new IllegalStateException("task type '" + name + "' already has a handler");
      }
    }
  }

  static String requireTypeName(@Nullable String name) {
    if (name == null || !name.matches("[A-Za-z0-9_.:-]{1,128}")) {
      throw new IllegalArgumentException("task type name must be 1 to 128 of [A-Za-z0-9_.:-] but was '" + name + "'");
    }
    return name;
  }
}
