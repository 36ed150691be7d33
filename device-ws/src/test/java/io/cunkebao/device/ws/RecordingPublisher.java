package io.cunkebao.device.ws;

import io.cunkebao.api.Event;
import io.cunkebao.api.EventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every published event for assertions. */
final class RecordingPublisher implements EventPublisher {
  private final List<Event> events = new CopyOnWriteArrayList<>();

  @Override
  public void publish(Event event) {
    events.add(event);
  }

  List<Event> ofType(String type) {
    return events.stream().filter(e -> e.type().equals(type)).toList();
  }

  List<Event> all() {
    return List.copyOf(events);
  }
}
