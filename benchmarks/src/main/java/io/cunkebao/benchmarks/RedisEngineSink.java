package io.cunkebao.benchmarks;

import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskListener;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.SchedulerBuilder;
import io.cunkebao.core.Schedulers;
import io.cunkebao.queue.redis.RedisQueueDriver;
import io.cunkebao.queue.redis.RedisQueueSettings;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine on the Redis driver as a user builds it: {@code RedisQueueDriver.open} with the
 * driver's defaults (task state, daily metrics, 24 h idempotency window, 10,000 finished tasks
 * kept), {@code maxConcurrency} workers and one listener. Each producer has its own task type so
 * that the listener can tell whose task finished; the handler does nothing.
 *
 * <p>Completion is the listener's {@code SUCCEEDED} event, emitted after the ack script returned.
 * {@code start == false} builds an engine that never claims: the enqueue benchmark measures
 * {@code submit} alone.
 */
final class RedisEngineSink implements NoopSink {
  private final RedisQueueDriver driver;
  private final TaskScheduler engine;
  private final TaskRequest<?>[] requests;

  RedisEngineSink(String uri, int concurrency, List<CompletionSignal> signals, boolean start) {
    driver = RedisQueueDriver.open(RedisQueueSettings.of(uri, "bench"), QueueDriverConfig.defaults(ZoneId.systemDefault()));
    SchedulerBuilder builder = Schedulers.builder().queue(driver).maxConcurrency(concurrency);
    Map<String, CompletionSignal> byType = new HashMap<>();
    requests = new TaskRequest<?>[signals.size()];
    for (int i = 0; i < signals.size(); i++) {
      TaskType<EngineSink.Noop> type = TaskType.of("bench:noop-" + i, EngineSink.Noop.class, (payload, context) -> { });
      builder.taskTypes(type);
      byType.put(type.name(), signals.get(i));
      requests[i] = TaskRequest.of(type, new EngineSink.Noop(0));
    }
    engine = builder.listener(new Completions(Map.copyOf(byType))).build();
    if (start) {
      engine.start();
    }
  }

  @Override
  public void submit(int producer) {
    engine.submit(requests[producer]);
  }

  @Override
  public void close() {
    engine.close();
    driver.close(); // given to the builder with queue(driver): ours to close
  }

  /** Signals the producer of each task that succeeded. */
  private record Completions(Map<String, CompletionSignal> byType) implements TaskListener {
    @Override
    public void onTaskEvent(TaskEvent event) {
      if (event.kind() == TaskEvent.Kind.SUCCEEDED) {
        byType.get(event.type()).completed();
      }
    }
  }
}
