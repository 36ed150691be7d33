package io.cunkebao.benchmarks;

import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskListener;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.core.SchedulerBuilder;
import io.cunkebao.core.Schedulers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine as a user builds it: the builder's defaults (in-memory queue {@code memory:}, 5
 * workers, default timer, policies and retention) and one listener. Each producer has its own
 * task type so that the listener can tell whose task finished from the event alone; the handler
 * itself does nothing.
 *
 * <p>Completion is the listener's {@code SUCCEEDED} event, which the engine emits after the ack:
 * a task counts only once submit, claim, handler and ack are all done.
 */
final class EngineSink implements NoopSink {
  /** A one-field payload: it travels as JSON ({@code {"n":0}}) like every real payload. */
  record Noop(int n) {}

  private final TaskScheduler engine;
  private final TaskRequest<?>[] requests;

  EngineSink(List<CompletionSignal> signals, boolean noIdempotencyWindow) {
    Map<String, CompletionSignal> byType = new HashMap<>();
    SchedulerBuilder builder = Schedulers.builder();
    if (noIdempotencyWindow) {
      builder.idempotencyWindow(Duration.ZERO);
    }
    requests = new TaskRequest<?>[signals.size()];
    for (int i = 0; i < signals.size(); i++) {
      TaskType<Noop> type = TaskType.of("bench:noop-" + i, Noop.class, (payload, context) -> { });
      builder.taskTypes(type);
      byType.put(type.name(), signals.get(i));
      requests[i] = TaskRequest.of(type, new Noop(0));
    }
    engine = builder.listener(new CompletionListener(Map.copyOf(byType))).build();
    engine.start();
  }

  @Override
  public void submit(int producer) {
    engine.submit(requests[producer]);
  }

  @Override
  public void close() {
    engine.close();
  }

  /** Signals the producer of each task that succeeded. */
  private record CompletionListener(Map<String, CompletionSignal> byType) implements TaskListener {
    @Override
    public void onTaskEvent(TaskEvent event) {
      if (event.kind() == TaskEvent.Kind.SUCCEEDED) {
        byType.get(event.type()).completed();
      }
    }
  }
}
