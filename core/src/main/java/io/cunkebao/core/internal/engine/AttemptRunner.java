package io.cunkebao.core.internal.engine;

import io.cunkebao.api.StopReason;
import io.cunkebao.api.TaskEvent.Kind;
import io.cunkebao.api.TaskHandler;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskInterruptedException;
import io.cunkebao.api.TaskPolicy;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskTimeoutException;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.TaskEnvelope;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Runs claimed tasks: checks that they can run here, binds the payload, calls the handler within
 * its timeout, and hands the result to the {@link OutcomeRecorder}. One instance per engine.
 */
final class AttemptRunner {
  private final EngineParts parts;
  private final OutcomeRecorder outcomes;
  private final WorkerSlots slots;
  private final Runnable onFinished;
  private final Map<TaskId, RunningAttempt> running = new ConcurrentHashMap<>();

  AttemptRunner(EngineParts parts, WorkerSlots slots, Runnable onFinished) {
    this.parts = parts;
    this.outcomes = new OutcomeRecorder(parts);
    this.slots = slots;
    this.onFinished = onFinished;
  }

  /** Starts a claimed task on a worker; the caller has counted it against the concurrency limit. */
  void start(ClaimedTask claimed) {
    TaskEnvelope task = claimed.envelope();
    parts.emit(Kind.STARTED, task, TaskStatus.PENDING, TaskStatus.RUNNING, claimed.attempt(), null);
    int slot = slots.acquire(task.id(), task.type(), parts.clock().instant());
    RunningAttempt previous = running.get(task.id());
    if (previous != null) {
      // The task lock: our own earlier attempt (timed out, or its lease lost) still runs. Stop it,
      // and start this one only once its handler has returned, so one id never runs twice at once
      // on this engine.
      stop(previous, StopReason.LEASE_LOST);
      previous.done.whenComplete((ok, err) -> parts.workers().execute(() -> runSafely(claimed, slot)));
      return;
    }
    parts.workers().execute(() -> runSafely(claimed, slot));
  }

  Collection<RunningAttempt> running() {
    return running.values();
  }

  Optional<RunningAttempt> runningAttempt(TaskId id) {
    return Optional.ofNullable(running.get(id));
  }

  /**
   * Asks an attempt to stop. A cancel, timeout or shutdown interrupts the handler's thread after
   * the grace period and then ends the attempt if it is still running; a lost lease ends it at once.
   */
  void stop(RunningAttempt attempt, StopReason reason) {
    if (!attempt.requestStop(reason)) {
      return;
    }
    if (reason == StopReason.PAUSED) {
      return; // honoured at the next checkpoint or when the attempt ends
    }
    if (reason == StopReason.LEASE_LOST) {
      parts.emit(Kind.LEASE_LOST, attempt.envelope(), TaskStatus.RUNNING, TaskStatus.RUNNING, attempt.attempt(), "lease lost");
      attempt.outcome.completeExceptionally(new TaskInterruptedException(attempt.taskId(), reason));
    }
    Duration grace = attempt.policy().timeout().interruptGrace();
    parts.timer().schedule(() -> {
      attempt.interruptHandler();
      attempt.outcome.completeExceptionally(new TaskInterruptedException(attempt.taskId(), reason));
    }, grace);
  }

  private void runSafely(ClaimedTask claimed, int slot) {
    try {
      run(claimed, slot);
    } catch (Throwable t) {
      parts.listeners().onEngineError("attempt of task " + claimed.envelope().id(), t);
      slots.release(slot, parts.clock().instant());
      onFinished.run();
    }
  }

  private void run(ClaimedTask claimed, int slot) {
    TaskEnvelope task = claimed.envelope();
    Optional<TaskType<?>> type = parts.registry().find(task.type());
    if (type.isEmpty()) {
      refuse(claimed, slot, "unknown task type '" + task.type() + "' on this engine (known: " + parts.registry().names() + ")");
      return;
    }
    TaskPolicy policy;
    try {
      policy = PolicyHeaders.resolve(task.headers(), type.get().policy().orElse(parts.config().defaultPolicy()));
    } catch (IllegalArgumentException e) {
      refuse(claimed, slot, "bad policy override: " + e.getMessage());
      return;
    }
    int maxRuns = policy.retry().maxRetries() + 1;
    if (claimed.attempt() > maxRuns) {
      refuse(claimed, slot, "gave up: attempt " + claimed.attempt() + " exceeds the " + maxRuns
          + " allowed; earlier attempts lost their lease (the worker may have crashed)");
      return;
    }
    Object payload;
    try {
      payload = parts.codec().decode(task.payload(), type.get().payloadType());
    } catch (PayloadCodec.CodecException e) {
      refuse(claimed, slot, "payload does not bind to " + type.get().payloadType().getName() + ": " + e.getMessage());
      return;
    }
    invoke(new RunningAttempt(parts, claimed, policy, slot), type.get(), payload);
  }

  private void refuse(ClaimedTask claimed, int slot, String reason) {
    outcomes.refuse(claimed.envelope(), claimed.lease(), claimed.attempt(), reason);
    slots.release(slot, parts.clock().instant());
    onFinished.run();
  }

  @SuppressWarnings("unchecked")
  private void invoke(RunningAttempt attempt, TaskType<?> type, Object payload) {
    running.put(attempt.taskId(), attempt);
    Duration timeout = attempt.policy().timeout().timeout();
    attempt.timeoutTimer(parts.timer().schedule(() -> timedOut(attempt, timeout), timeout));
    attempt.outcome.whenComplete((ok, failure) -> finishOutcome(attempt, failure));
    // No thread renaming per attempt: two system calls per task were 7% of the hot path; the
    // monitoring snapshot's worker slots say which task each worker runs.
    attempt.handlerEntered();
    try {
      CompletionStage<?> stage = ((TaskHandler<Object>) type.handler()).handle(payload, attempt);
      if (stage == null) {
        attempt.outcome.complete(null);
      } else {
        // Finish on a worker, not on whatever thread completes the stage (a device or Redis I/O
        // thread, say): recording the outcome and claiming the next task block on the queue.
        stage.whenCompleteAsync((ok, failure) -> completeFromHandler(attempt, failure), parts.workers());
      }
    } catch (Throwable failure) {
      completeFromHandler(attempt, failure);
    } finally {
      attempt.handlerExited();
      maybeFinish(attempt);
    }
  }

  private static void completeFromHandler(RunningAttempt attempt, @Nullable Throwable failure) {
    if (failure == null) {
      attempt.outcome.complete(null);
    } else {
      attempt.outcome.completeExceptionally(failure);
    }
  }

  private void timedOut(RunningAttempt attempt, Duration timeout) {
    if (attempt.outcome.isDone()) {
      return;
    }
    attempt.outcome.completeExceptionally(new TaskTimeoutException(attempt.taskId(), timeout));
    stop(attempt, StopReason.TIMEOUT);
  }

  private void finishOutcome(RunningAttempt attempt, @Nullable Throwable failure) {
    if (!attempt.claimOutcome()) {
      return;
    }
    attempt.end();
    try {
      outcomes.record(attempt, failure);
    } catch (Throwable t) {
      // The task stays running in the queue; its lease expires and another claim recovers it.
      parts.listeners().onEngineError("recording the outcome of task " + attempt.taskId()
          + " (it stays claimed until its lease expires, then runs again)", t);
    } finally {
      maybeFinish(attempt);
    }
  }

  private void maybeFinish(RunningAttempt attempt) {
    if (attempt.readyToFinish()) {
      running.remove(attempt.taskId(), attempt);
      slots.release(attempt.slot(), parts.clock().instant());
      onFinished.run();
      attempt.done.complete(null);
    }
  }
}
