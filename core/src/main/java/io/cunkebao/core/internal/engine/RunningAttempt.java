package io.cunkebao.core.internal.engine;

import io.cunkebao.api.Progress;
import io.cunkebao.api.ResourceKey;
import io.cunkebao.api.StopReason;
import io.cunkebao.api.TaskClient;
import io.cunkebao.api.TaskContext;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskInterruptedException;
import io.cunkebao.api.TaskPolicy;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import io.cunkebao.api.spi.TaskEnvelope;
import io.cunkebao.core.EngineTimer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of one task while it runs, and the handler's {@link TaskContext}.
 *
 * <p>Three things end an attempt, whichever comes first: the handler's own result, the timeout,
 * or a stop (cancel, shutdown, lost lease) after its grace period. They all complete {@link
 * #outcome}; the worker slot is freed only when the outcome is recorded AND the handler's thread
 * has returned, so a blocked synchronous handler keeps counting against the concurrency limit.
 */
final class RunningAttempt implements TaskContext {
  private final EngineParts parts;
  private final ClaimedTask claimed;
  private final TaskPolicy policy;
  private final Instant deadline;
  private final int slot;
  private volatile Lease lease;
  private volatile byte @Nullable [] checkpoint;
  private volatile @Nullable Progress progress;
  private volatile boolean progressDirty;
  private volatile boolean ended;
  private volatile boolean handedBack;
  private final AtomicReference<@Nullable StopReason> stop = new AtomicReference<>();
  private final CompletableFuture<StopReason> whenCancelled = new CompletableFuture<>();
  /** Completes with null on success or with the failure: the attempt's result. */
  final CompletableFuture<@Nullable Void> outcome = new CompletableFuture<>();
  /** Completes when the attempt is over: outcome recorded and the handler's thread returned. */
  final CompletableFuture<@Nullable Void> done = new CompletableFuture<>();
  private final AtomicBoolean outcomeRecorded = new AtomicBoolean();
  private final AtomicBoolean finished = new AtomicBoolean();
  private @Nullable Thread handlerThread;
  private boolean handlerReturned;
  private EngineTimer.@Nullable Cancellable timeoutTimer;

  RunningAttempt(EngineParts parts, ClaimedTask claimed, TaskPolicy policy, int slot) {
    this.parts = parts;
    this.claimed = claimed;
    this.policy = policy;
    this.slot = slot;
    this.lease = claimed.lease();
    this.checkpoint = claimed.checkpoint();
    this.progress = claimed.progress();
    this.deadline = parts.clock().instant().plus(policy.timeout().timeout());
  }

  TaskEnvelope envelope() {
    return claimed.envelope();
  }

  Lease lease() {
    return lease;
  }

  void leaseExtended(Lease extended) {
    this.lease = extended;
  }

  TaskPolicy policy() {
    return policy;
  }

  int slot() {
    return slot;
  }

  boolean handedBack() {
    return handedBack;
  }

  void markHandedBack() {
    handedBack = true;
  }

  void timeoutTimer(EngineTimer.Cancellable timer) {
    this.timeoutTimer = timer;
  }

  /** Progress reported since the last write, taken for the next one. */
  @Nullable Progress takeDirtyProgress() {
    if (!progressDirty) {
      return null;
    }
    progressDirty = false;
    return progress;
  }

  /**
   * Asks the attempt to stop; the first reason wins.
   *
   * @return true when this call set the reason
   */
  boolean requestStop(StopReason reason) {
    if (stop.compareAndSet(null, reason)) {
      whenCancelled.complete(reason);
      return true;
    }
    return false;
  }

  /** Marks the handler's synchronous part as running on the current thread. */
  synchronized void handlerEntered() {
    handlerThread = Thread.currentThread();
  }

  /** Marks the handler's synchronous part as returned and clears an interrupt meant for it. */
  void handlerExited() {
    synchronized (this) {
      handlerThread = null;
      handlerReturned = true;
      // An interrupt aimed at this attempt must not leak into the pool thread's next task.
      Thread.interrupted();
    }
  }

  /** Interrupts the handler's thread if the synchronous part still runs. */
  synchronized void interruptHandler() {
    if (handlerThread != null) {
      handlerThread.interrupt();
    }
  }

  /** @return true exactly once, for the caller that may record the outcome */
  boolean claimOutcome() {
    return outcomeRecorded.compareAndSet(false, true);
  }

  /** @return true exactly once, when the outcome is recorded and the handler has returned */
  synchronized boolean readyToFinish() {
    return outcomeRecorded.get() && handlerReturned && finished.compareAndSet(false, true);
  }

  void end() {
    ended = true;
    EngineTimer.Cancellable timer = timeoutTimer;
    if (timer != null) {
      timer.cancel();
    }
  }

  // ---- TaskContext ----

  @Override
  public TaskId taskId() {
    return claimed.envelope().id();
  }

  @Override
  public String type() {
    return claimed.envelope().type();
  }

  @Override
  public String queue() {
    return claimed.envelope().queue();
  }

  @Override
  public int attempt() {
    return claimed.attempt();
  }

  @Override
  public Instant deadline() {
    return deadline;
  }

  @Override
  public Set<ResourceKey> resources() {
    return claimed.envelope().resources();
  }

  @Override
  public long fencingToken() {
    return claimed.lease().fencingToken();
  }

  @Override
  public InstantSource clock() {
    return parts.clock();
  }

  @Override
  public boolean isCancelled() {
    return stop.get() != null;
  }

  @Override
  public Optional<StopReason> stopReason() {
    return Optional.ofNullable(stop.get());
  }

  @Override
  public CompletionStage<StopReason> whenCancelled() {
    return whenCancelled.minimalCompletionStage();
  }

  @Override
  public void throwIfCancelled() {
    StopReason reason = stop.get();
    if (reason != null) {
      throw new TaskInterruptedException(taskId(), reason);
    }
  }

  @Override
  public <T> Optional<T> checkpoint(Class<T> type) {
    byte[] bytes = checkpoint;
    return bytes == null ? Optional.empty() : Optional.of(parts.codec().decode(bytes, type));
  }

  @Override
  public void checkpoint(Object state) {
    requireRunning();
    throwIfCancelled();
    byte[] bytes = parts.codec().encode(state);
    LeaseState answer = parts.driver().writeCheckpoint(lease, bytes, takeDirtyProgress(), parts.clock().instant());
    if (answer != LeaseState.LOST) {
      checkpoint = bytes;
    }
    StopReason reason = stopReasonFor(answer);
    if (reason != null) {
      requestStop(reason);
      throw new TaskInterruptedException(taskId(), reason);
    }
  }

  @Override
  public void progress(Progress progress) {
    requireRunning();
    this.progress = progress;
    this.progressDirty = true;
  }

  @Override
  public io.cunkebao.api.device.Devices devices() {
    return parts.devices();
  }

  @Override
  public TaskClient client() {
    return parts.client();
  }

  private void requireRunning() {
    if (ended) {
      throw new IllegalStateException("attempt " + attempt() + " of task " + taskId() + " has ended");
    }
  }

  static @Nullable StopReason stopReasonFor(LeaseState state) {
    switch (state) {
      case CANCEL_REQUESTED:
        return StopReason.CANCELLED;
      case PAUSE_REQUESTED:
        return StopReason.PAUSED;
      case LOST:
        return StopReason.LEASE_LOST;
      case ACTIVE:
      default:
        return null;
    }
  }
}
