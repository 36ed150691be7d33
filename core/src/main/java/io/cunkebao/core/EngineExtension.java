package io.cunkebao.core;

import io.cunkebao.api.EventTrigger;
import io.cunkebao.api.TaskListener;
import io.cunkebao.api.TaskType;
import java.util.List;

/**
 * A feature built on the engine's public parts (the workflow runner, later pacing), added with
 * {@link SchedulerBuilder#extension}. It contributes task types and event triggers at build time
 * and is told when the engine has started.
 */
public interface EngineExtension {

  /** @return task types the extension needs registered */
  default List<TaskType<?>> taskTypes() {
    return List.of();
  }

  /** @return event triggers the extension needs */
  default List<EventTrigger> eventTriggers() {
    return List.of();
  }

  /**
   * Listeners the extension needs (to see a task the engine dead-lettered before its handler ran,
   * for instance). Same contract as any {@link TaskListener}: fast, no blocking.
   *
   * @return the listeners
   */
  default List<TaskListener> listeners() {
    return List.of();
  }

  /**
   * Called once while the engine starts, on the thread that called {@code start()}, after
   * schedules and seats are set up and before the first claim, so no task of the extension runs
   * before it is ready. Install schedules here. Must not block for long.
   *
   * @param context the engine's parts an extension may use
   */
  default void started(EngineContext context) {}
}
