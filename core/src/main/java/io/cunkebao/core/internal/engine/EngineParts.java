package io.cunkebao.core.internal.engine;

import io.cunkebao.api.TaskClient;
import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.TaskEnvelope;
import io.cunkebao.core.EngineTimer;
import io.cunkebao.core.SchedulerConfig;
import java.time.InstantSource;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The collaborators every part of one engine shares, passed as one value instead of long
 * parameter lists.
 */
record EngineParts(
    SchedulerConfig config,
    QueueDriver driver,
    TaskTypeRegistry registry,
    PayloadCodec codec,
    InstantSource clock,
    EngineTimer timer,
    Executor workers,
    GuardedListeners listeners,
    TaskClient client,
    io.cunkebao.api.device.Devices devices) {

  /** Emits one transition to the listeners. */
  void emit(TaskEvent.Kind kind, TaskEnvelope task, @Nullable TaskStatus from, TaskStatus to, int attempt, @Nullable String reason) {
    listeners.onTaskEvent(new TaskEvent(kind, task.id(), task.queue(), task.type(), from, to, attempt, clock.instant(), reason));
  }
}
