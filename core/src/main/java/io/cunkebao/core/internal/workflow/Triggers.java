package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cunkebao.api.Event;
import io.cunkebao.api.EventTrigger;
import io.cunkebao.api.ScheduleSpec;
import io.cunkebao.api.TaskRequest;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns definitions' triggers into the engine's own: event triggers and cron schedules that enqueue
 * a start task, so every start goes through the queue and survives a crash. The engine keys an
 * event's start task on the event's id and a cron firing's on the schedule and fire time, and the
 * instance id is derived from the start task's id, so a redelivered event or a firing seen by two
 * engines starts one instance.
 */
public final class Triggers {
  private static final Logger LOG = LoggerFactory.getLogger(Triggers.class);

  private final ObjectMapper json;
  private final String queue;

  /**
   * Triggers enqueueing start tasks on a queue.
   *
   * @param json converts event attributes for filters
   * @param queue the queue of start tasks
   */
  public Triggers(ObjectMapper json, String queue) {
    this.json = json;
    this.queue = queue;
  }

  /**
   * The event trigger of an event-started definition.
   *
   * @param definition the definition
   * @return the trigger, or empty for other kinds
   */
  public Optional<EventTrigger> eventTrigger(Definition definition) {
    TriggerSpec trigger = definition.trigger();
    if (trigger.kind() != TriggerSpec.Kind.EVENT) {
      return Optional.empty();
    }
    return Optional.of(EventTrigger.on("workflow:" + definition.name(), trigger.eventType())
        .filter(event -> accepts(definition, event))
        .task(event -> TaskRequest.builder(WorkflowRuntime.START_TYPE, new StartPayload(definition.name(), context(event), null))
            .queue(queue)
            // "N days after the event": counted from when it happened, not from when it was handled.
            .runAt(event.time().plus(trigger.after()))
            .build())
        .build());
  }

  /**
   * The schedule of a cron-started definition.
   *
   * @param definition the definition
   * @return the schedule, or empty for other kinds
   */
  public Optional<ScheduleSpec> schedule(Definition definition) {
    TriggerSpec trigger = definition.trigger();
    if (trigger.kind() != TriggerSpec.Kind.CRON) {
      return Optional.empty();
    }
    ScheduleSpec.Builder builder = ScheduleSpec.builder("workflow:" + definition.name(), trigger.cron())
        .task(TaskRequest.builder(WorkflowRuntime.START_TYPE, new StartPayload(definition.name(), Map.of(), null)).queue(queue).build());
    ZoneId zone = definition.zone();
    if (zone != null) {
      builder.zone(zone);
    }
    return Optional.of(builder.build());
  }

  private boolean accepts(Definition definition, Event event) {
    Expression filter = definition.trigger().filter();
    if (filter == null) {
      return true;
    }
    Map<String, Object> fields = Map.of("id", event.id(), "type", event.type(), "time", event.time().toString(),
        "attributes", Scope.toCel(json.valueToTree(event.attributes())));
    try {
      return filter.test(Map.of("event", fields));
    } catch (IllegalArgumentException e) {
      // A filter that cannot be evaluated on this event rejects it: retrying would fail the same way.
      LOG.warn("Workflow {} ignores event {}: {}", definition.name(), event.id(), e.getMessage());
      return false;
    }
  }

  private static Map<String, Object> context(Event event) {
    Map<String, Object> context = new LinkedHashMap<>(event.attributes());
    context.putIfAbsent("eventId", event.id());
    context.putIfAbsent("eventType", event.type());
    context.putIfAbsent("eventTime", event.time().toString());
    return context;
  }
}
