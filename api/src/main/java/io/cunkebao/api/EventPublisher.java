package io.cunkebao.api;

/**
 * Where events enter the engine: the host app and device drivers publish here. Publishing makes
 * the event durable (it goes through the queue) before the call returns.
 *
 * <p>Thread-safe; may be called from any thread, including I/O threads of device drivers (it does
 * not wait for triggers to run).
 */
@FunctionalInterface
public interface EventPublisher {

  /**
   * Publishes an event. Publishing the same event id twice has no further effect while the
   * idempotency window lasts.
   *
   * @param event the event
   * @throws QueueUnavailableException when the queue cannot be reached
   */
  void publish(Event event);
}
