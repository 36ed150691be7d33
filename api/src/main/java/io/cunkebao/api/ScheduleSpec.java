package io.cunkebao.api;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A cron schedule: a name, a cron expression in a time zone, and the task each firing enqueues.
 *
 * <pre>{@code
 * ScheduleSpec nightly = ScheduleSpec.builder("health-score", "0 2 * * *")
 *     .zone(ZoneId.of("Asia/Shanghai"))
 *     .task(TaskRequest.of(calculateScore, new ScoreRun()))
 *     .build();
 * engine.schedules().add(nightly);
 * }</pre>
 *
 * <p>Cron: 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first; lists,
 * ranges, steps ({@code a-b/n}), names ({@code MON}, {@code JAN}) and the macros {@code @hourly},
 * {@code @daily}, {@code @midnight}, {@code @weekly}, {@code @monthly}, {@code @yearly}.
 *
 * <p>Each firing enqueues the task with the id {@code sched:<name>:<fire instant millis>}, so
 * engines sharing a queue enqueue every firing exactly once. The template must not set a run-at
 * time, a delay, an id or an idempotency key.
 */
public final class ScheduleSpec {
  private final String name;
  private final String cron;
  private final @Nullable ZoneId zone;
  private final TaskRequest<?> task;
  private final MisfirePolicy misfire;
  private final OverlapPolicy overlap;

  private ScheduleSpec(Builder b) {
    this.name = b.name;
    this.cron = b.cron;
    this.zone = b.zone;
    this.task = Objects.requireNonNull(b.task, () -> "schedule '" + b.name + "' has no task");
    this.misfire = b.misfire;
    this.overlap = b.overlap;
  }

  /**
   * Starts a schedule.
   *
   * @param name 1 to 100 of {@code [A-Za-z0-9_.:-]}, unique per engine
   * @param cron the cron expression
   * @return a builder
   */
  public static Builder builder(String name, String cron) {
    return new Builder(name, cron);
  }

  /** @return the schedule's name */
  public String name() {
    return name;
  }

  /** @return the cron expression */
  public String cron() {
    return cron;
  }

  /** @return the zone, or empty for the engine's zone */
  public Optional<ZoneId> zone() {
    return Optional.ofNullable(zone);
  }

  /** @return the task each firing enqueues */
  public TaskRequest<?> task() {
    return task;
  }

  /** @return the misfire policy */
  public MisfirePolicy misfire() {
    return misfire;
  }

  /** @return the overlap policy */
  public OverlapPolicy overlap() {
    return overlap;
  }

  @Override
  public String toString() {
    return "ScheduleSpec[" + name + " '" + cron + "'" + (zone != null ? " " + zone : "") + " -> " + task.type() + "]";
  }

  /** Builds a {@link ScheduleSpec}. */
  public static final class Builder {
    private final String name;
    private final String cron;
    private @Nullable ZoneId zone;
    private @Nullable TaskRequest<?> task;
    private MisfirePolicy misfire = MisfirePolicy.FIRE_ONCE;
    private OverlapPolicy overlap = OverlapPolicy.SKIP;

    private Builder(String name, String cron) {
      if (name == null || !name.matches("[A-Za-z0-9_.:-]{1,100}")) {
        throw new IllegalArgumentException("schedule name must be 1 to 100 of [A-Za-z0-9_.:-] but was '" + name + "'");
      }
      if (cron == null || cron.isBlank()) {
        throw new IllegalArgumentException("schedule '" + name + "' needs a cron expression");
      }
      this.name = name;
      this.cron = cron.trim();
    }

    /**
     * Sets the zone the cron expression is read in (default: the engine's).
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the task each firing enqueues.
     *
     * @param task a request without run-at, delay, id or idempotency key
     * @return this builder
     */
    public Builder task(TaskRequest<?> task) {
      Objects.requireNonNull(task, "task");
      if (task.runAt().isPresent() || task.delay().isPresent() || task.id().isPresent() || task.idempotencyKey().isPresent()) {
        throw new IllegalArgumentException("schedule '" + name + "': the task template must not set runAt, delay, id or idempotencyKey (each firing sets them)");
      }
      this.task = task;
      return this;
    }

    /**
     * Sets the misfire policy (default {@link MisfirePolicy#FIRE_ONCE}).
     *
     * @param misfire the policy
     * @return this builder
     */
    public Builder misfire(MisfirePolicy misfire) {
      this.misfire = Objects.requireNonNull(misfire, "misfire");
      return this;
    }

    /**
     * Sets the overlap policy (default {@link OverlapPolicy#SKIP}).
     *
     * @param overlap the policy
     * @return this builder
     */
    public Builder overlap(OverlapPolicy overlap) {
      this.overlap = Objects.requireNonNull(overlap, "overlap");
      return this;
    }

    /** @return the schedule */
    public ScheduleSpec build() {
      return new ScheduleSpec(this);
    }
  }
}
