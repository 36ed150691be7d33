package io.cunkebao.core.internal.engine;

import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans events out to the user's listeners; a listener that throws is logged and skipped, never
 * allowed into the engine's threads.
 */
final class GuardedListeners implements TaskListener {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedListeners.class);
  private final List<TaskListener> listeners;

  GuardedListeners(List<TaskListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onTaskEvent(TaskEvent event) {
    for (TaskListener listener : listeners) {
      try {
        listener.onTaskEvent(event);
      } catch (Throwable t) {
        LOG.warn("Listener {} threw on {} of task {}; the engine goes on", listener.getClass().getName(), event.kind(), event.taskId(), t);
      }
    }
  }

  @Override
  public void onEngineError(String where, Throwable error) {
    if (error instanceof io.cunkebao.api.QueueUnavailableException) {
      // Expected while the queue's backend is down: once per dispatch or renewal, so no trace.
      LOG.warn("Queue unavailable in {}: {}; the engine retries", where, error.getMessage());
    } else {
      LOG.error("Unexpected error in {}; the engine goes on", where, error);
    }
    for (TaskListener listener : listeners) {
      try {
        listener.onEngineError(where, error);
      } catch (Throwable t) {
        LOG.warn("Listener {} threw on an engine error; ignored", listener.getClass().getName(), t);
      }
    }
  }
}
