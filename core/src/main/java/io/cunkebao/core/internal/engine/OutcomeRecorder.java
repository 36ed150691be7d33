package io.cunkebao.core.internal.engine;

import io.cunkebao.api.DeadLetterPolicy;
import io.cunkebao.api.NonRetryableTaskException;
import io.cunkebao.api.StopReason;
import io.cunkebao.api.TaskEvent.Kind;
import io.cunkebao.api.TaskInterruptedException;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskTimeoutException;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.TaskEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an attempt's result into the queue transition the policies call for (ack, retry at a time,
 * dead letter, hand back) and tells the listeners what happened.
 */
final class OutcomeRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);
  private final EngineParts parts;

  OutcomeRecorder(EngineParts parts) {
    this.parts = parts;
  }

  void record(RunningAttempt attempt, @Nullable Throwable failure) {
    if (attempt.handedBack()) {
      return; // shutdown already handed the task back; its lease is gone
    }
    if (failure == null) {
      succeed(attempt);
      return;
    }
    Throwable cause = unwrap(failure);
    StopReason stop = attempt.stopReason().orElse(null);
    if (cause instanceof TaskInterruptedException interrupted && interrupted.reason() != StopReason.TIMEOUT) {
      stopped(attempt, interrupted.reason());
    } else if (stop != null && stop != StopReason.TIMEOUT && !(cause instanceof TaskTimeoutException)) {
      stopped(attempt, stop);
    } else {
      fail(attempt, cause);
    }
  }

  /** Dead-letters a task that cannot run on this engine at all (unknown type, unbindable payload). */
  void refuse(TaskEnvelope task, Lease lease, int attempt, String reason) {
    LOG.warn("Task {} of type {} cannot run: {}; dead-lettered", task.id(), task.type(), reason);
    Optional<TaskStatus> status = parts.driver().deadLetter(lease, reason, true, parts.clock().instant());
    emitResult(task, attempt, status, reason, Kind.DEAD_LETTERED);
  }

  private void succeed(RunningAttempt attempt) {
    Optional<TaskStatus> status = parts.driver().ack(attempt.lease(), parts.clock().instant());
    emitResult(attempt.envelope(), attempt.attempt(), status, null, Kind.SUCCEEDED);
  }

  private void stopped(RunningAttempt attempt, StopReason reason) {
    if (reason == StopReason.LEASE_LOST) {
      return; // already reported when the loss was seen; nothing we write would be accepted
    }
    Optional<TaskStatus> status = parts.driver().release(attempt.lease(), parts.clock().instant());
    emitResult(attempt.envelope(), attempt.attempt(), status, reason.name().toLowerCase(java.util.Locale.ROOT), Kind.RELEASED);
  }

  private void fail(RunningAttempt attempt, Throwable cause) {
    String reason = describe(cause);
    TaskEnvelope task = attempt.envelope();
    Optional<Duration> delay = cause instanceof NonRetryableTaskException
        ? Optional.empty()
        : attempt.policy().retry().delayAfter(attempt.attempt(), ThreadLocalRandom.current().nextDouble());
    Instant now = parts.clock().instant();
    if (delay.isPresent()) {
      LOG.info("Task {} ({}) attempt {} failed: {}; retry in {} s", task.id(), task.type(), attempt.attempt(), reason, delay.get().toSeconds());
      Optional<TaskStatus> status = parts.driver().retryAt(attempt.lease(), now.plus(delay.get()), reason, now);
      emitResult(task, attempt.attempt(), status, reason, Kind.RETRY_SCHEDULED);
      return;
    }
    String final_ = cause instanceof NonRetryableTaskException
        ? "not retryable: " + reason
        : "retries exhausted after " + attempt.attempt() + " attempt(s): " + reason;
    boolean keep = attempt.policy().deadLetter() == DeadLetterPolicy.KEEP;
    LOG.warn("Task {} ({}) failed for good: {}; {}", task.id(), task.type(), final_, keep ? "dead-lettered" : "discarded");
    Optional<TaskStatus> status = parts.driver().deadLetter(attempt.lease(), final_, keep, now);
    emitResult(task, attempt.attempt(), status, final_, Kind.DEAD_LETTERED);
  }

  /** Emits the event for the status the driver reports; a refused write means the lease was lost. */
  private void emitResult(TaskEnvelope task, int attempt, Optional<TaskStatus> status, @Nullable String reason, Kind expected) {
    if (status.isEmpty()) {
      LOG.warn("Task {} attempt {}: lease lost before its outcome was recorded; the current holder decides", task.id(), attempt);
      parts.emit(Kind.LEASE_LOST, task, TaskStatus.RUNNING, TaskStatus.RUNNING, attempt, reason);
      return;
    }
    TaskStatus to = status.get();
    parts.emit(kindFor(to, expected), task, TaskStatus.RUNNING, to, attempt, reason);
  }

  private static Kind kindFor(TaskStatus to, Kind expected) {
    switch (to) {
      case CANCELLED:
        return Kind.CANCELLED;
      case PAUSED:
        return Kind.PAUSED;
      case COMPLETED:
        return Kind.SUCCEEDED;
      case FAILED:
        return Kind.DEAD_LETTERED;
      default:
        return expected;
    }
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static String describe(Throwable cause) {
    if (cause instanceof TaskTimeoutException) {
      return "timeout";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
