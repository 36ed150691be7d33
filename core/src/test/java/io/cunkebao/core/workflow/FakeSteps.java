package io.cunkebao.core.workflow;

import io.cunkebao.api.TaskType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Fake step task types that record each call (type, params, time) and answer with a configured
 * output or failure. Shared by the engines of a test, as a device would be.
 */
final class FakeSteps {
  /** The payload class of every fake type: whatever params the step renders. */
  static final class Params extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
  }

  /** One call of a fake type. */
  record Call(String type, Map<String, Object> params, Instant at) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Params, Object>> behaviour = new ConcurrentHashMap<>();
  private final InstantSource clock;

  FakeSteps(InstantSource clock) {
    this.clock = clock;
  }

  /** Answers calls of {@code type} with {@code answer}'s value (a stage is returned as it is), or its exception. */
  FakeSteps answer(String type, Function<Params, Object> answer) {
    behaviour.put(type, answer);
    return this;
  }

  TaskType<?>[] types(String... names) {
    List<TaskType<?>> out = new ArrayList<>();
    for (String name : names) {
      out.add(TaskType.builder(name, Params.class).asyncHandler((params, context) -> {
        calls.add(new Call(name, Map.copyOf(params), clock.instant()));
        try {
          Object answer = behaviour.getOrDefault(name, p -> null).apply(params);
          return answer instanceof java.util.concurrent.CompletionStage<?> stage ? stage : CompletableFuture.completedFuture(answer);
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      }).build());
    }
    return out.toArray(TaskType<?>[]::new);
  }

  List<Call> of(String type) {
    return calls.stream().filter(c -> c.type().equals(type)).toList();
  }

  List<String> order() {
    return calls.stream().map(Call::type).toList();
  }
}
