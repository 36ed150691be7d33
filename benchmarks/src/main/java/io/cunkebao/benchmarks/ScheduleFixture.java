package io.cunkebao.benchmarks;

import io.cunkebao.api.ScheduleSpec;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.core.Schedulers;
import io.cunkebao.core.testing.ManualScheduler;
import io.cunkebao.core.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * An engine with N pending cron schedules on a manual clock, for the schedule benchmarks.
 *
 * <p>The N schedules fire once a year ({@code 0 0 0 1 1 *}) so that they stay pending; one more
 * fires every second. Time is a {@link SettableClock} moved by a {@link ManualScheduler} (the
 * engine's own test timer), so a tick costs what the engine does, never a wait. The queue is a
 * {@link DiscardingQueueDriver}: firings enqueue into nothing, which isolates the schedules' cost.
 */
final class ScheduleFixture {
  /** Jan 2: the yearly schedules are next due eleven months later, long after any run ends. */
  static final Instant START = Instant.parse("2030-01-02T00:00:00Z");

  /** A payload that travels as JSON, like {@link EngineSink.Noop}. */
  record Noop(int n) {}

  final ManualScheduler timer;
  final TaskScheduler engine;
  final ScheduleSpec extra;

  ScheduleFixture(int schedules, boolean start) {
    SettableClock clock = new SettableClock(START);
    timer = new ManualScheduler(clock);
    TaskType<Noop> type = TaskType.of("bench:cron", Noop.class, (payload, context) -> { });
    engine = Schedulers.builder().queue(new DiscardingQueueDriver()).taskTypes(type).clock(clock)
        .timer(timer).workerExecutor(timer).zone(ZoneOffset.UTC).build();
    TaskRequest<Noop> task = TaskRequest.of(type, new Noop(0));
    for (int i = 0; i < schedules; i++) {
      engine.schedules().add(ScheduleSpec.builder(String.format("s-%07d", i), "0 0 0 1 1 *").task(task).build());
    }
    engine.schedules().add(ScheduleSpec.builder("every-second", "* * * * * *").task(task).build());
    extra = ScheduleSpec.builder("extra", "0 30 * * * *").task(task).build();
    if (start) {
      engine.start();
    }
  }

  void close() {
    engine.shutdown(Duration.ZERO);
  }
}
