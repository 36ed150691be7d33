package io.cunkebao.core.internal.engine;

import io.cunkebao.api.MisfirePolicy;
import io.cunkebao.api.OverlapPolicy;
import io.cunkebao.api.ScheduleClient;
import io.cunkebao.api.ScheduleInfo;
import io.cunkebao.api.ScheduleSpec;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.StateStore;
import io.cunkebao.api.spi.VersionedValue;
import io.cunkebao.core.internal.trigger.CronExpression;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cron schedules, kept in the state store so that every engine on a queue sees them, fired from a
 * timer index ({@link ScheduleTimeline}) whose cost per firing is logarithmic in the number of
 * schedules.
 *
 * <p>Each firing enqueues its task under the id {@code sched:<name>:<fire millis>}: engines that
 * share the queue race to enqueue the same firing and the queue keeps one. The store's
 * compare-and-set on the last fire time keeps the schedule's own state consistent.
 *
 * <p>Misfires: a firing found more than {@link #MISFIRE_THRESHOLD} late (the engine was down)
 * stands for the whole missed window: fired once, or skipped, by the schedule's policy; never a
 * burst.
 */
final class CronScheduler implements ScheduleClient {
  static final String COLLECTION = "schedules";
  static final java.time.Duration MISFIRE_THRESHOLD = java.time.Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(CronScheduler.class);
  private static final int PAGE = 500;

  private final EngineParts parts;
  private final Submitter submitter;
  private final StateStore store;
  private final ScheduleTimeline timeline;
  /** Parsed expressions by text: parsing costs far more than a fire-time computation. */
  private final java.util.Map<String, CronExpression> parsed = new java.util.concurrent.ConcurrentHashMap<>();

  CronScheduler(EngineParts parts, Submitter submitter, StateStore store) {
    this.parts = parts;
    this.submitter = submitter;
    this.store = store;
    this.timeline = new ScheduleTimeline(parts.timer(), parts.clock(), this::fireDue);
  }

  /** How often an engine checks the store for schedules other engines added or changed. */
  static final java.time.Duration REFRESH_INTERVAL = java.time.Duration.ofSeconds(30);
  /**
   * A marker whose version moves on every add, pause, resume and remove, so a refresh reads one
   * entry and re-reads the schedules only when one of those happened: its cost does not grow with
   * the number of schedules. Firings do not move it; whichever engine fires re-reads the schedule.
   */
  static final String CHANGES = "schedule-changes";
  private static final String CHANGES_KEY = "all";
  private volatile long seenChanges = -1;
  private volatile boolean stopped;

  void start() {
    reload();
    parts.timer().schedule(this::refresh, REFRESH_INTERVAL);
  }

  void stop() {
    stopped = true;
    timeline.stop();
  }

  private void refresh() {
    if (stopped) {
      return;
    }
    try {
      long changes = store.get(CHANGES, CHANGES_KEY).map(VersionedValue::version).orElse(0L);
      if (changes != seenChanges) {
        reload();
      }
    } catch (RuntimeException e) {
      parts.listeners().onEngineError("schedule refresh", e);
    } finally {
      if (!stopped) {
        parts.timer().schedule(this::refresh, REFRESH_INTERVAL);
      }
    }
  }

  /** Reads every schedule from the store and plans its next firing (also picks up other engines' changes). */
  void reload() {
    seenChanges = store.get(CHANGES, CHANGES_KEY).map(VersionedValue::version).orElse(0L);
    List<String> seen = new ArrayList<>();
    for (VersionedValue value : all()) {
      StoredSchedule schedule = decode(value);
      seen.add(schedule.name());
      plan(schedule);
    }
    timeline.retainOnly(seen);
  }

  @Override
  public ScheduleInfo add(ScheduleSpec spec) {
    CronExpression cron = cron(spec.cron());
    ZoneId zone = spec.zone().orElse(parts.config().zone());
    EncodedTask task = submitter.encodeTemplate(spec.task());
    Instant now = parts.clock().instant();
    StoredSchedule written = update(spec.name(), existing -> new StoredSchedule(spec.name(), spec.cron(), zone.getId(), task,
        existing != null && existing.paused(), spec.misfire(), spec.overlap(),
        existing != null ? existing.since() : now,
        existing != null ? existing.lastFireTime() : null,
        existing != null ? existing.lastTaskId() : null), true);
    LOG.debug("Schedule {} '{}' in {} enqueues {}", spec.name(), spec.cron(), zone, task.type());
    changed();
    plan(written);
    return info(written);
  }

  @Override
  public List<ScheduleInfo> list() {
    return all().stream().map(v -> info(decode(v))).toList();
  }

  @Override
  public Optional<ScheduleInfo> get(String name) {
    return store.get(COLLECTION, name).map(v -> info(decode(v)));
  }

  @Override
  public void pause(String name) {
    Instant now = parts.clock().instant();
    plan(update(name, s -> require(name, s).withPaused(true, now), false));
    changed();
  }

  @Override
  public void resume(String name) {
    Instant now = parts.clock().instant();
    plan(update(name, s -> require(name, s).withPaused(false, now), false));
    changed();
  }

  @Override
  public boolean remove(String name) {
    for (int tries = 0; tries < 10; tries++) {
      Optional<VersionedValue> current = store.get(COLLECTION, name);
      if (current.isEmpty()) {
        timeline.remove(name);
        return false;
      }
      if (store.delete(COLLECTION, name, current.get().version())) {
        timeline.remove(name);
        changed();
        return true;
      }
    }
    throw new IllegalStateException("schedule '" + name + "' kept changing while being removed");
  }

  @Override
  public TaskId runNow(String name) {
    StoredSchedule schedule = decode(store.get(COLLECTION, name).orElseThrow(() -> noSuch(name)));
    Instant now = parts.clock().instant();
    return submitter.submitEncoded(schedule.task(), TaskId.of("sched:" + name + ":now:" + now.toEpochMilli()), now);
  }

  /** Moves the change marker so that other engines re-read the schedules at their next refresh. */
  private void changed() {
    for (int tries = 0; tries < 20; tries++) {
      Optional<VersionedValue> marker = store.get(CHANGES, CHANGES_KEY);
      if (store.compareAndSet(CHANGES, CHANGES_KEY, marker.map(VersionedValue::version).orElse(0L), new byte[] {1},
          parts.clock().instant()).isPresent()) {
        return;
      }
    }
    LOG.warn("Could not move the schedule change marker; other engines see the change at a later refresh");
  }

  /** Fires every schedule whose time has come; called by the timeline. */
  private void fireDue(String name, Instant fireTime) {
    try {
      store.get(COLLECTION, name).map(this::decode).ifPresent(schedule -> fire(schedule, fireTime));
    } catch (RuntimeException e) {
      parts.listeners().onEngineError("schedule " + name + " (it fires again at its next time)", e);
      store.get(COLLECTION, name).map(this::decode).ifPresent(this::planAfterFailure);
    }
  }

  private void fire(StoredSchedule schedule, Instant planned) {
    if (schedule.paused()) {
      return;
    }
    CronExpression cron = cron(schedule.cron());
    Instant now = parts.clock().instant();
    Optional<Instant> owed = next(schedule, cron);
    if (owed.isEmpty() || owed.get().isAfter(now)) {
      plan(schedule); // another engine fired it, or it changed: plan from the stored state
      return;
    }
    Instant fireTime = latestDue(cron, schedule.zone(), owed.get(), now);
    boolean misfired = !fireTime.equals(owed.get()) || fireTime.isBefore(now.minus(MISFIRE_THRESHOLD));
    String taskId = schedule.lastTaskId();
    if (misfired && schedule.misfire() == MisfirePolicy.SKIP) {
      LOG.info("Schedule {} missed its firing(s) up to {}; skipped by its misfire policy", schedule.name(), fireTime);
    } else if (schedule.overlap() == OverlapPolicy.SKIP && stillRunning(schedule.lastTaskId())) {
      LOG.info("Schedule {} firing at {} skipped: task {} of its last firing has not finished", schedule.name(), fireTime, schedule.lastTaskId());
    } else {
      taskId = submitter.submitEncoded(schedule.task(), firingId(schedule.name(), fireTime), misfired ? now : fireTime).value();
    }
    String enqueued = taskId;
    plan(update(schedule.name(), s -> s == null || (s.lastFireTime() != null && !s.lastFireTime().isBefore(fireTime))
        ? s : s.fired(fireTime, enqueued), false));
  }

  private CronExpression cron(String text) {
    CronExpression cached = parsed.get(text);
    if (cached != null) {
      return cached;
    }
    CronExpression fresh = CronExpression.parse(text);
    if (parsed.size() < 10_000) {
      parsed.put(text, fresh);
    }
    return fresh;
  }

  static TaskId firingId(String name, Instant fireTime) {
    return TaskId.of("sched:" + name + ":" + fireTime.toEpochMilli());
  }

  private boolean stillRunning(@Nullable String taskId) {
    if (taskId == null) {
      return false;
    }
    Optional<TaskStatus> status = parts.driver().find(TaskId.of(taskId)).map(s -> s.status());
    return status.isPresent() && (status.get() == TaskStatus.PENDING || status.get() == TaskStatus.RUNNING || status.get() == TaskStatus.PAUSED);
  }

  /** The last fire time at or before {@code now}, walking from {@code first}. */
  private static Instant latestDue(CronExpression cron, String zone, Instant first, Instant now) {
    Instant latest = first;
    ZoneId zoneId = ZoneId.of(zone);
    for (int i = 0; i < 100_000; i++) {
      Optional<Instant> following = cron.nextAfter(latest, zoneId);
      if (following.isEmpty() || following.get().isAfter(now)) {
        break;
      }
      latest = following.get();
    }
    return latest;
  }

  private void plan(@Nullable StoredSchedule schedule) {
    if (schedule == null) {
      return;
    }
    if (schedule.paused()) {
      timeline.remove(schedule.name());
      return;
    }
    next(schedule, cron(schedule.cron())).ifPresentOrElse(
        at -> timeline.put(schedule.name(), at),
        () -> timeline.remove(schedule.name()));
  }

  private void planAfterFailure(StoredSchedule schedule) {
    CronExpression cron = cron(schedule.cron());
    cron.nextAfter(parts.clock().instant(), ZoneId.of(schedule.zone())).ifPresent(at -> timeline.put(schedule.name(), at));
  }

  private static Optional<Instant> next(StoredSchedule schedule, CronExpression cron) {
    return cron.nextAfter(schedule.base(), ZoneId.of(schedule.zone()));
  }

  private ScheduleInfo info(StoredSchedule s) {
    Instant next = s.paused() ? null : next(s, cron(s.cron())).orElse(null);
    return new ScheduleInfo(s.name(), s.cron(), ZoneId.of(s.zone()), s.task().type(), s.task().queue(), s.paused(),
        s.misfire(), s.overlap(), s.lastFireTime(), next);
  }

  /** Read-modify-write with compare-and-set, retried when another engine wrote first. */
  private @Nullable StoredSchedule update(String name, UnaryOperator<@Nullable StoredSchedule> change, boolean create) {
    for (int tries = 0; tries < 10; tries++) {
      Optional<VersionedValue> current = store.get(COLLECTION, name);
      if (current.isEmpty() && !create) {
        StoredSchedule missing = change.apply(null);
        return missing;
      }
      StoredSchedule before = current.map(this::decode).orElse(null);
      StoredSchedule after = change.apply(before);
      if (after == null || after == before) {
        return before;
      }
      long version = current.map(VersionedValue::version).orElse(0L);
      if (store.compareAndSet(COLLECTION, name, version, parts.codec().encode(after), parts.clock().instant()).isPresent()) {
        return after;
      }
    }
    throw new IllegalStateException("schedule '" + name + "' kept changing under concurrent updates");
  }

  private List<VersionedValue> all() {
    List<VersionedValue> values = new ArrayList<>();
    String after = null;
    while (true) {
      List<VersionedValue> page = store.list(COLLECTION, after, PAGE);
      values.addAll(page);
      if (page.size() < PAGE) {
        return values;
      }
      after = page.get(page.size() - 1).key();
    }
  }

  private StoredSchedule decode(VersionedValue value) {
    return parts.codec().decode(value.value(), StoredSchedule.class);
  }

  private static StoredSchedule require(String name, @Nullable StoredSchedule schedule) {
    if (schedule == null) {
      throw noSuch(name);
    }
    return schedule;
  }

  private static IllegalArgumentException noSuch(String name) {
    return new IllegalArgumentException("no schedule named '" + name + "'");
  }
}
