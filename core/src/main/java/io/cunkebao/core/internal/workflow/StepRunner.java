package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cunkebao.api.NonRetryableTaskException;
import io.cunkebao.api.StopReason;
import io.cunkebao.api.TaskContext;
import io.cunkebao.api.TaskHandler;
import io.cunkebao.api.TaskInterruptedException;
import io.cunkebao.api.TaskType;
import io.cunkebao.core.workflow.WorkflowStatus;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Runs one step task. The step's own task type runs inside this task's attempt: its handler is
 * looked up from the types the runner was given and called with the rendered parameters bound to
 * its payload class. Running it in the same attempt (rather than enqueueing the step's task and
 * waiting for it) keeps one queue entry per step, makes the step task's retry and timeout policies
 * the step's own, and needs no completion callback from the engine: the attempt's outcome is the
 * step's outcome, and the instance advances in the same attempt that did the work.
 *
 * <p>Order of effects: the handler runs, then the instance is advanced with compare-and-set, then
 * the next step's task is enqueued under its fixed id. A crash before the CAS runs the step again
 * (so step task types are idempotent or checkpointed); a crash after it finds, on the retry, that
 * the step is done and only enqueues the next one, which the fixed id deduplicates.
 */
public final class StepRunner {
  private final WorkflowRuntime runtime;

  /**
   * A runner over a runtime.
   *
   * @param runtime the runtime
   */
  public StepRunner(WorkflowRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Runs a step task's attempt.
   *
   * @param payload which instance and step
   * @param context the attempt
   * @return completes when the step is done and the instance advanced
   * @throws Exception the step's failure
   */
  public @Nullable CompletionStage<?> run(StepPayload payload, TaskContext context) throws Exception {
    InstanceState state = runtime.store().get(payload.instanceId())
        .orElseThrow(() -> new NonRetryableTaskException("no workflow instance " + payload.instanceId()));
    if (!state.isCurrent(payload) || state.status().isFinished()) {
      // A completed step never runs again; its task is a duplicate or was redelivered after a
      // crash between the CAS and the next enqueue, so make sure the current step is queued.
      runtime.enqueue(state);
      return null;
    }
    if (state.status() == WorkflowStatus.PAUSED) {
      change(payload, s -> s.status() == WorkflowStatus.PAUSED && !s.parked() ? s.parked(true, now()) : s);
      return null;
    }
    Definition definition = runtime.definition(state.workflow());
    StepSpec step = definition.step(payload.step(), payload.onFailure());
    TaskType<?> type = runtime.taskType(step);
    boolean last = context.attempt() >= runtime.retry(step).maxRetries() + 1;
    if (last) {
      // The engine ends a timed-out attempt without waiting for the handler: record the failure here.
      context.whenCancelled().thenAccept(reason -> {
        if (reason == StopReason.TIMEOUT) {
          failForGood(payload, definition, "timed out after " + runtime.timeout(step).timeout());
        }
      });
    }
    Object bound;
    try {
      bound = bind(step, type, new Scope(state, now(), runtime.advancer().zone(definition)));
    } catch (IllegalArgumentException e) {
      failForGood(payload, definition, e.getMessage());
      throw new NonRetryableTaskException(definition.where(step) + ": " + e.getMessage(), e);
    }
    CompletableFuture<Object> done = new CompletableFuture<>();
    invoke(type, bound, context).whenComplete((value, error) -> {
      if (error == null) {
        succeed(payload, definition, value, done);
      } else {
        done.completeExceptionally(failure(payload, definition, step, unwrap(error), last));
      }
    });
    return done;
  }

  private Object bind(StepSpec step, TaskType<?> type, Scope scope) {
    JsonNode params = step.params().render(scope::lookup);
    try {
      return runtime.parts().json().convertValue(params, type.payloadType());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("its params do not bind to " + type.payloadType().getSimpleName() + " of task type '"
          + type.name() + "': " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static CompletionStage<?> invoke(TaskType<?> type, Object payload, TaskContext context) {
    try {
      CompletionStage<?> stage = ((TaskHandler<Object>) type.handler()).handle(payload, context);
      return stage != null ? stage : CompletableFuture.completedFuture(null);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void succeed(StepPayload payload, Definition definition, @Nullable Object value, CompletableFuture<Object> done) {
    try {
      JsonNode output = value == null ? NullNode.getInstance() : runtime.parts().json().valueToTree(value);
      change(payload, s -> s.status().isFinished() ? s : parkIfPaused(runtime.advancer().completed(definition, s, output, now())));
      done.complete(null);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  private Throwable failure(StepPayload payload, Definition definition, StepSpec step, Throwable error, boolean last) {
    if (error instanceof TaskInterruptedException) {
      return error; // paused, cancelled, shut down or timed out: not this step's own failure
    }
    if (!last && !(error instanceof NonRetryableTaskException)) {
      return error;
    }
    String why = error.getClass().getSimpleName() + ": " + error.getMessage();
    failForGood(payload, definition, why);
    return new NonRetryableTaskException(definition.where(step) + " failed for good: " + why, error);
  }

  /**
   * A step task the engine dead-lettered: fails its step as if the handler had failed for good.
   * Harmless when the handler already recorded the failure (the step is then no longer current).
   *
   * @param taskId the step task's id, {@code wf:<instance>:<step>[f]:<generation>}
   * @param why the dead-letter reason
   */
  public void refused(String taskId, String why) {
    StepPayload.parse(taskId).ifPresent(payload -> runtime.store().get(payload.instanceId())
        .ifPresent(state -> failForGood(payload, runtime.definition(state.workflow()), why)));
  }

  private void failForGood(StepPayload payload, Definition definition, String why) {
    change(payload, s -> s.status().isFinished() ? s : parkIfPaused(runtime.advancer().failed(definition, s, why, now())));
  }

  /** Applies a change only while the task's step is still current, then ensures the next task. */
  private void change(StepPayload payload, UnaryOperator<InstanceState> change) {
    runtime.store().update(payload.instanceId(), s -> s.isCurrent(payload) ? change.apply(s) : s).ifPresent(runtime::enqueue);
  }

  private InstanceState parkIfPaused(InstanceState state) {
    return state.status() == WorkflowStatus.PAUSED ? state.parked(true, now()) : state;
  }

  private Instant now() {
    return runtime.parts().clock().instant();
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }
}
