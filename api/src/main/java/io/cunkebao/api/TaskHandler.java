package io.cunkebao.api;

import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Runs one attempt of a task, synchronously or asynchronously.
 *
 * <p>Return {@code null} (or a completed stage) when the work is done on the calling thread.
 * Return an incomplete stage to finish later without holding the worker thread, for example while
 * a device answers: the attempt still counts against the engine's concurrency limits until the
 * stage completes, and at the timeout the engine completes it exceptionally and signals
 * cancellation through the context.
 *
 * <p>Throwing (or completing the stage exceptionally) fails the attempt; the retry policy decides
 * what follows. Throw {@link NonRetryableTaskException} when retrying cannot help.
 *
 * <p>Called on a worker thread. Delivery is at least once: make effects idempotent, for instance
 * with {@link TaskContext#checkpoint} per target.
 *
 * @param <P> the payload type the task type declares
 * @see BlockingTaskHandler for handlers that always finish synchronously
 */
@FunctionalInterface
public interface TaskHandler<P> {

  /**
   * Runs one attempt.
   *
   * @param payload the task's payload, bound to the declared class
   * @param context the attempt's view of the engine
   * @return null or a stage that completes when the attempt is done
   * @throws Exception to fail the attempt
   */
  @Nullable CompletionStage<?> handle(P payload, TaskContext context) throws Exception;
}
