package io.cunkebao.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one worker slot of this engine is doing.
 *
 * @param worker the slot's number, 1 to the engine's max concurrency
 * @param taskId the task it runs, or null when idle
 * @param type that task's type, or null
 * @param since when it started that task (or became idle)
 */
public record WorkerStatus(int worker, @Nullable TaskId taskId, @Nullable String type, Instant since) {

  /** @return whether the slot runs nothing */
  public boolean idle() {
    return taskId == null;
  }
}
