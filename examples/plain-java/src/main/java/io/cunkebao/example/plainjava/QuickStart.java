package io.cunkebao.example.plainjava;

import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskListener;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.core.Schedulers;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The README's quick start, kept here so that it compiles and a test runs it: define a task type,
 * build and start an engine, submit a task, wait for it to end, close. The part between the {@code
 * tag::quickstart} markers is copied into README.md verbatim (a test checks it).
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the quick start.
   *
   * @param args none
   * @throws InterruptedException when interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    System.out.println("The task ended " + greetTheWorld());
  }

  // tag::quickstart[]
  /** A payload: any record or plain class that binds to and from JSON. */
  public record Greeting(String name) {}

  static TaskStatus greetTheWorld() throws InterruptedException {
    TaskType<Greeting> greet = TaskType.of("demo:greet", Greeting.class,
        (greeting, ctx) -> System.out.println("Hello, " + greeting.name() + " (attempt " + ctx.attempt() + ")"));
    CountDownLatch ended = new CountDownLatch(1);
    TaskListener onEnd = new TaskListener() {
      @Override
      public void onTaskEvent(TaskEvent event) {
        if (event.to().isTerminal()) {
          ended.countDown();
        }
      }
    };
    try (TaskScheduler engine = Schedulers.builder().taskTypes(greet).listener(onEnd).build()) {
      engine.start();
      TaskId id = engine.submit(TaskRequest.of(greet, new Greeting("world")));
      ended.await(10, TimeUnit.SECONDS);
      return engine.status(id).orElseThrow().status(); // COMPLETED
    } // close(): stops claiming, waits for running attempts, hands the rest back to the queue
  }
  // end::quickstart[]
}
