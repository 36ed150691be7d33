package io.cunkebao.core.internal.engine;

import io.cunkebao.api.MisfirePolicy;
import io.cunkebao.api.OverlapPolicy;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A schedule as kept in the state store (JSON), shared by every engine on the queue.
 *
 * @param name the schedule's name
 * @param cron its cron expression
 * @param zone its zone id
 * @param task the task each firing enqueues
 * @param paused whether it is paused
 * @param misfire its misfire policy
 * @param overlap its overlap policy
 * @param since when it was added or last resumed: no firing before this time is owed
 * @param lastFireTime its last firing (fired or skipped), or null
 * @param lastTaskId the task its last firing enqueued, or null
 */
record StoredSchedule(
    String name,
    String cron,
    String zone,
    EncodedTask task,
    boolean paused,
    MisfirePolicy misfire,
    OverlapPolicy overlap,
    Instant since,
    @Nullable Instant lastFireTime,
    @Nullable String lastTaskId) {

  /** @return the time after which the next firing is owed */
  Instant base() {
    return lastFireTime != null && lastFireTime.isAfter(since) ? lastFireTime : since;
  }

  StoredSchedule fired(Instant at, @Nullable String taskId) {
    return new StoredSchedule(name, cron, zone, task, paused, misfire, overlap, since, at, taskId);
  }

  StoredSchedule withPaused(boolean value, Instant now) {
    return new StoredSchedule(name, cron, zone, task, value, misfire, overlap, value ? since : now, lastFireTime, lastTaskId);
  }
}
