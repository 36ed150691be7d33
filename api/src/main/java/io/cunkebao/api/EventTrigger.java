package io.cunkebao.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Turns events of one type into tasks: "member joined → a welcome task with the chatroom id and
 * the nickname, 3 s later".
 *
 * <pre>{@code
 * EventTrigger welcome = EventTrigger.on("group-welcome", EventTypes.MEMBER_JOINED)
 *     .filter(e -> e.attribute("chatroomId").isPresent())
 *     .delay(Duration.ofSeconds(3))
 *     .task(e -> TaskRequest.of(welcomeType, new Welcome(e.attribute("chatroomId").get().toString(),
 *         e.attribute("nickname").orElse("").toString())))
 *     .build();
 * }</pre>
 *
 * <p>Each task gets the idempotency key {@code event:<event id>:<trigger name>:<n>}, so a
 * redelivered event enqueues nothing new. The filter and mapping run on a worker thread of any
 * engine on the queue; they must be pure functions of the event.
 */
public final class EventTrigger {
  private final String name;
  private final String eventType;
  private final Predicate<Event> filter;
  private final @Nullable Duration delay;
  private final Function<Event, List<TaskRequest<?>>> tasks;

  private EventTrigger(Builder b) {
    this.name = b.name;
    this.eventType = b.eventType;
    this.filter = b.filter;
    this.delay = b.delay;
    this.tasks = Objects.requireNonNull(b.tasks, () -> "event trigger '" + b.name + "' has no task mapping");
  }

  /**
   * Starts a trigger.
   *
   * @param name 1 to 128 of {@code [A-Za-z0-9_.:-]}, unique per engine
   * @param eventType the event type it reacts to
   * @return a builder
   */
  public static Builder on(String name, String eventType) {
    return new Builder(name, eventType);
  }

  /** @return the trigger's name */
  public String name() {
    return name;
  }

  /** @return the event type it reacts to */
  public String eventType() {
    return eventType;
  }

  /**
   * Whether an event passes the filter.
   *
   * @param event the event
   * @return true when it should trigger tasks
   */
  public boolean accepts(Event event) {
    return eventType.equals(event.type()) && filter.test(event);
  }

  /** @return the delay added to tasks that set no time of their own */
  public Optional<Duration> delay() {
    return Optional.ofNullable(delay);
  }

  /**
   * The tasks an accepted event asks for.
   *
   * @param event the event
   * @return the requests, possibly none
   */
  public List<TaskRequest<?>> tasksFor(Event event) {
    return List.copyOf(tasks.apply(event));
  }

  /** Builds an {@link EventTrigger}. */
  public static final class Builder {
    private final String name;
    private final String eventType;
    private Predicate<Event> filter = e -> true;
    private @Nullable Duration delay;
    private @Nullable Function<Event, List<TaskRequest<?>>> tasks;

    private Builder(String name, String eventType) {
      if (name == null || !name.matches("[A-Za-z0-9_.:-]{1,128}")) {
        throw new IllegalArgumentException("event trigger name must be 1 to 128 of [A-Za-z0-9_.:-] but was '" + name + "'");
      }
      this.name = name;
      this.eventType = Objects.requireNonNull(eventType, "eventType");
    }

    /**
     * Only events passing this filter trigger tasks.
     *
     * @param filter a pure predicate
     * @return this builder
     */
    public Builder filter(Predicate<Event> filter) {
      this.filter = Objects.requireNonNull(filter, "filter");
      return this;
    }

    /**
     * Delays the tasks (those that set no run-at or delay of their own).
     *
     * @param delay not negative
     * @return this builder
     */
    public Builder delay(Duration delay) {
      if (delay == null || delay.isNegative()) {
        throw new IllegalArgumentException("event trigger '" + name + "': delay must not be negative but was " + delay);
      }
      this.delay = delay;
      return this;
    }

    /**
     * One task per accepted event.
     *
     * @param task builds the request from the event
     * @return this builder
     */
    public Builder task(Function<Event, TaskRequest<?>> task) {
      Objects.requireNonNull(task, "task");
      this.tasks = e -> List.of(task.apply(e));
      return this;
    }

    /**
     * Any number of tasks per accepted event.
     *
     * @param tasks builds the requests from the event
     * @return this builder
     */
    public Builder tasks(Function<Event, List<TaskRequest<?>>> tasks) {
      this.tasks = Objects.requireNonNull(tasks, "tasks");
      return this;
    }

    /** @return the trigger */
    public EventTrigger build() {
      return new EventTrigger(this);
    }
  }
}
