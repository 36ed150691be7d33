package io.cunkebao.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened, published by the host app or a device driver: a friend was added, a
 * message came in, a member joined a chatroom. Event triggers turn events into tasks.
 *
 * <p>The id comes from the source where it has one (a device's message id), so a redelivered
 * event can be recognised: triggers use it in the idempotency key of the tasks they enqueue.
 *
 * @param id the event's id, unique per source
 * @param type its type, one of {@link EventTypes} or a user-defined name
 * @param time when it happened
 * @param attributes its fields: strings, numbers, booleans, lists and maps of them (JSON values)
 */
public record Event(String id, String type, Instant time, Map<String, Object> attributes) {

  /** Checks the parts and copies the attributes. */
  public Event {
    if (id == null || id.isEmpty() || id.length() > 256) {
      throw new IllegalArgumentException("event id must be 1 to 256 characters but was " + id);
    }
    if (type == null || !type.matches("[A-Za-z0-9_.:-]{1,128}")) {
      throw new IllegalArgumentException("event type must be 1 to 128 of [A-Za-z0-9_.:-] but was " + type);
    }
    Objects.requireNonNull(time, "time");
    attributes = Map.copyOf(attributes);
  }

  /**
   * An attribute's value.
   *
   * @param name the attribute
   * @return its value, if present
   */
  public Optional<Object> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }
}
