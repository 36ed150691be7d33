package io.cunkebao.core.internal.engine;

import io.cunkebao.api.TaskInfo;
import io.cunkebao.api.spi.StoredTask;

/** Maps the driver's view of a task to the user's. */
final class TaskInfos {
  private TaskInfos() {}

  static TaskInfo of(StoredTask stored) {
    var e = stored.envelope();
    return new TaskInfo(e.id(), e.queue(), e.type(), stored.status(), e.priority(), stored.attempts(),
        stored.runAt(), e.createdAt(), stored.updatedAt(), e.idempotencyKey(), e.resources(),
        stored.lastError(), stored.progress(), stored.deadLettered());
  }
}
