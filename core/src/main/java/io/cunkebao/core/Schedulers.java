package io.cunkebao.core;

/**
 * The entry point: {@code Schedulers.builder()} starts an engine.
 *
 * <pre>{@code
 * TaskType<Greeting> greet = TaskType.of("demo:greet", Greeting.class,
 *     (payload, ctx) -> System.out.println("hello " + payload.name()));
 * try (TaskScheduler engine = Schedulers.builder().taskTypes(greet).build()) {
 *   engine.start();
 *   engine.submit(TaskRequest.of(greet, new Greeting("world")));
 * }
 * }</pre>
 *
 * See {@code examples/plain-java} for the runnable form.
 */
public final class Schedulers {
  private Schedulers() {}

  /** @return a builder with the defaults: in-memory queue, 5 workers, the seed's policies */
  public static SchedulerBuilder builder() {
    return new SchedulerBuilder();
  }
}
