package io.cunkebao.api;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A schedule as stored, with its next fire time.
 *
 * @param name the schedule's name
 * @param cron its cron expression
 * @param zone the zone it is read in
 * @param taskType the task type each firing enqueues
 * @param queue the queue it enqueues on
 * @param paused whether it is paused
 * @param misfire its misfire policy
 * @param overlap its overlap policy
 * @param lastFireTime its last firing, or null
 * @param nextFireTime its next firing, or null when paused or never again
 */
public record ScheduleInfo(
    String name,
    String cron,
    ZoneId zone,
    String taskType,
    String queue,
    boolean paused,
    MisfirePolicy misfire,
    OverlapPolicy overlap,
    @Nullable Instant lastFireTime,
    @Nullable Instant nextFireTime) {}
