package io.cunkebao.core.engine;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskInfo;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.core.SchedulerBuilder;
import io.cunkebao.core.Schedulers;
import io.cunkebao.core.testing.ManualScheduler;
import io.cunkebao.core.testing.SettableClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * An engine on the in-memory queue whose timers and workers run only when the test steps the
 * {@link ManualScheduler}: no real waiting, fully deterministic.
 */
final class EngineFixture implements AutoCloseable {
  final SettableClock clock = new SettableClock();
  final ManualScheduler manual = new ManualScheduler(clock);
  final RecordingListener events = new RecordingListener();
  final TaskScheduler engine;

  private EngineFixture(Consumer<SchedulerBuilder> customizer, boolean manualWorkers) {
    SchedulerBuilder builder = Schedulers.builder()
        .clock(clock)
        .timer(manual)
        .zone(ZoneOffset.UTC)
        .workerId("test-engine")
        .shutdownTimeout(Duration.ofMillis(200))
        .listener(events);
    if (manualWorkers) {
      builder.workerExecutor(manual);
    }
    customizer.accept(builder);
    engine = builder.build();
    engine.start();
    manual.runUntilIdle();
  }

  /** Timers and handlers both run on the test thread when it steps. */
  static EngineFixture start(Consumer<SchedulerBuilder> customizer) {
    return new EngineFixture(customizer, true);
  }

  /** Timers on the test thread; handlers on the executor the customizer sets (real threads). */
  static EngineFixture startWithRealWorkers(Consumer<SchedulerBuilder> customizer) {
    return new EngineFixture(customizer, false);
  }

  TaskId submit(TaskRequest<?> request) {
    TaskId id = engine.submit(request);
    manual.runUntilIdle();
    return id;
  }

  void advance(Duration step) {
    manual.advance(step);
  }

  void runUntilIdle() {
    manual.runUntilIdle();
  }

  TaskInfo info(TaskId id) {
    return engine.status(id).orElseThrow(() -> new AssertionError("no task " + id));
  }

  TaskStatus status(TaskId id) {
    return info(id).status();
  }

  @Override
  public void close() {
    engine.close();
  }
}
