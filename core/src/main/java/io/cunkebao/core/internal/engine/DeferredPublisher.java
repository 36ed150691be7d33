package io.cunkebao.core.internal.engine;

import io.cunkebao.api.Event;
import io.cunkebao.api.EventPublisher;
import org.jspecify.annotations.Nullable;

/**
 * Lets a device driver that is opened before the engine exists publish to the engine once it
 * does (the builder opens the driver, then builds the engine, then points this at it).
 */
public final class DeferredPublisher implements EventPublisher {
  private volatile @Nullable EventPublisher target;

  /**
   * Points the publisher at the engine.
   *
   * @param engine the engine
   */
  public void target(EventPublisher engine) {
    this.target = engine;
  }

  @Override
  public void publish(Event event) {
    EventPublisher engine = target;
    if (engine == null) {
      throw new IllegalStateException("event " + event.id() + " arrived before the engine was built");
    }
    engine.publish(event);
  }
}
