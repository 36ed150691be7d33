package io.cunkebao.core.workflow;

import io.cunkebao.api.Event;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.InMemoryQueueDriver;
import io.cunkebao.core.InMemoryStateStore;
import io.cunkebao.core.Schedulers;
import io.cunkebao.core.testing.ManualScheduler;
import io.cunkebao.core.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Engines with the workflow runner on one manual clock, sharing only an in-memory queue driver
 * and a state store: a restart is a new engine (and a new runner) over the same two.
 */
final class WorkflowFixture implements AutoCloseable {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String[] FAKE_TYPES = {"friend:accept", "message:send", "friend:tag", "traffic:assign", "crm:push",
      "friend:interactions", "moments:latest", "moments:like", "customer:stage", "group:send", "group:stats", "ops:alert"};

  final SettableClock clock;
  final ManualScheduler manual;
  final InMemoryQueueDriver queue = new InMemoryQueueDriver(QueueDriverConfig.defaults(SHANGHAI));
  final CrashingStore store = new CrashingStore(new InMemoryStateStore());
  final FakeSteps steps;
  private final List<WorkflowDefinition> definitions;
  private final List<TaskScheduler> engines = new ArrayList<>();
  TaskScheduler engine;
  Workflows workflows;

  WorkflowFixture(Instant start, WorkflowDefinition... definitions) {
    this.clock = new SettableClock(start);
    this.manual = new ManualScheduler(clock);
    this.steps = new FakeSteps(clock);
    this.definitions = List.of(definitions);
  }

  /** Starts the first engine. */
  WorkflowFixture start() {
    return start(b -> {});
  }

  WorkflowFixture start(Consumer<Workflows.Builder> customizer) {
    Workflows.Builder builder = Workflows.builder().definitions(definitions).taskTypes(steps.types(FAKE_TYPES));
    customizer.accept(builder);
    workflows = builder.build();
    engine = Schedulers.builder().queue(queue).stateStore(store).clock(clock).timer(manual).workerExecutor(manual)
        .zone(SHANGHAI).workerId("engine-" + engines.size()).shutdownTimeout(Duration.ofMillis(50))
        .extension(workflows).build();
    engines.add(engine);
    engine.start();
    manual.runUntilIdle();
    return this;
  }

  /** Stops the engine and starts a new one (new engine, new runner) over the same queue and store. */
  void restart() {
    engine.close();
    start();
  }

  String startInstance(String workflow, Map<String, ?> context) {
    String id = workflows.start(workflow, context);
    manual.runUntilIdle();
    return id;
  }

  void publish(Event event) {
    engine.publish(event);
    manual.runUntilIdle();
  }

  void advance(Duration step) {
    manual.advance(step);
  }

  void advanceTo(Instant instant) {
    manual.advanceTo(instant);
  }

  WorkflowInstance instance(String id) {
    return workflows.instance(id).orElseThrow(() -> new AssertionError("no instance " + id));
  }

  static WorkflowDefinition resource(String name) {
    return WorkflowDefinition.fromResource("workflows/" + name);
  }

  @Override
  public void close() {
    engines.forEach(TaskScheduler::close);
    queue.close();
  }
}
