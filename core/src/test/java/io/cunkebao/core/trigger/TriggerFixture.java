package io.cunkebao.core.trigger;

import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskListener;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.StateStore;
import io.cunkebao.core.InMemoryQueueDriverProvider;
import io.cunkebao.core.InMemoryStateStore;
import io.cunkebao.core.SchedulerBuilder;
import io.cunkebao.core.Schedulers;
import io.cunkebao.core.testing.ManualScheduler;
import io.cunkebao.core.testing.SettableClock;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One queue and one state store, shared by any number of engines on one manual clock: the shape
 * of several nodes on one Redis, with no real waiting.
 */
final class TriggerFixture implements AutoCloseable {
  final SettableClock clock;
  final ManualScheduler manual;
  final QueueDriver queue = new InMemoryQueueDriverProvider().open(URI.create("memory:shared"), QueueDriverConfig.defaults(ZoneOffset.UTC));
  final StateStore store = new InMemoryStateStore();
  final List<TaskEvent> events = new CopyOnWriteArrayList<>();
  private final List<TaskScheduler> engines = new CopyOnWriteArrayList<>();

  TriggerFixture(Instant start) {
    clock = new SettableClock(start);
    manual = new ManualScheduler(clock);
  }

  TaskScheduler engine(String id, Consumer<SchedulerBuilder> customizer) {
    SchedulerBuilder builder = Schedulers.builder().queue(queue).stateStore(store).clock(clock).timer(manual)
        .workerExecutor(manual).zone(ZoneId.of("UTC")).workerId(id).shutdownTimeout(java.time.Duration.ofMillis(50))
        .listener(new TaskListener() {
          @Override
          public void onTaskEvent(TaskEvent event) {
            events.add(event);
          }
        });
    customizer.accept(builder);
    TaskScheduler engine = builder.build();
    engine.start();
    engines.add(engine);
    manual.runUntilIdle();
    return engine;
  }

  long enqueued(String type) {
    return events.stream().filter(e -> e.kind() == TaskEvent.Kind.ENQUEUED && e.type().equals(type)).count();
  }

  @Override
  public void close() {
    engines.forEach(TaskScheduler::close);
    queue.close();
  }
}
