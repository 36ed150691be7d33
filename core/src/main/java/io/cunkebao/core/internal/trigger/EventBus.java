package io.cunkebao.core.internal.trigger;

import io.cunkebao.api.Event;
import io.cunkebao.api.EventTrigger;
import io.cunkebao.api.IdempotencyConflictException;
import io.cunkebao.api.TaskClient;
import io.cunkebao.api.TaskContext;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes events durable and runs the event triggers.
 *
 * <p>Publishing enqueues the event itself as a task of type {@value #EVENT_TASK_TYPE}, keyed on
 * the event's id, so a redelivered event is dropped by the queue and an event survives a crash
 * between publish and trigger. Its handler, on whichever engine claims it, asks each trigger for
 * its tasks and enqueues them keyed {@code event:<id>:<trigger>:<n>}: if the handler runs again
 * after a crash, those enqueues are deduplicated too.
 */
public final class EventBus {
  /** The internal task type that carries a published event. */
  public static final String EVENT_TASK_TYPE = "cunkebao:event";
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

  private final List<EventTrigger> triggers;
  private final String queue;

  /**
   * A bus running the given triggers.
   *
   * @param triggers the triggers, with unique names
   * @param queue the queue events travel on (one this engine consumes)
   * @throws IllegalArgumentException when two triggers share a name
   */
  public EventBus(List<EventTrigger> triggers, String queue) {
    Set<String> names = new HashSet<>();
    for (EventTrigger trigger : triggers) {
      if (!names.add(trigger.name())) {
        throw new IllegalArgumentException("two event triggers are named '" + trigger.name() + "'");
      }
    }
    this.triggers = List.copyOf(triggers);
    this.queue = queue;
  }

  /** @return the internal task type to register with the engine */
  public TaskType<Event> taskType() {
    return TaskType.of(EVENT_TASK_TYPE, Event.class, this::dispatch);
  }

  /**
   * Enqueues an event durably.
   *
   * @param client where to enqueue
   * @param event the event
   */
  public void publish(TaskClient client, Event event) {
    client.submit(TaskRequest.builder(EVENT_TASK_TYPE, event).queue(queue).idempotencyKey("event:" + event.id()).build());
  }

  private void dispatch(Event event, TaskContext context) {
    for (EventTrigger trigger : triggers) {
      if (!trigger.accepts(event)) {
        continue;
      }
      List<TaskRequest<?>> requests = trigger.tasksFor(event);
      for (int i = 0; i < requests.size(); i++) {
        enqueue(context.client(), trigger, event, i, requests.get(i));
      }
    }
  }

  private void enqueue(TaskClient client, EventTrigger trigger, Event event, int index, TaskRequest<?> request) {
    TaskRequest.Builder<?> builder = request.toBuilder().idempotencyKey("event:" + event.id() + ":" + trigger.name() + ":" + index);
    if (request.runAt().isEmpty() && request.delay().isEmpty()) {
      trigger.delay().ifPresent(builder::delay);
    }
    try {
      client.submit(builder.build());
    } catch (IdempotencyConflictException e) {
      // The trigger mapped the same event to another payload than last time: keep the first.
      LOG.warn("Event {} trigger {} task {}: {}; the task enqueued first stands", event.id(), trigger.name(), index, e.getMessage());
    }
  }
}
