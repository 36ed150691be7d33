package io.cunkebao.core.internal.engine;

import io.cunkebao.api.Event;
import io.cunkebao.api.MonitoringSnapshot;
import io.cunkebao.api.ScheduleClient;
import io.cunkebao.api.device.Devices;
import org.jspecify.annotations.Nullable;
import io.cunkebao.core.EngineContext;
import io.cunkebao.core.EngineExtension;
import io.cunkebao.api.QueueStats;
import io.cunkebao.api.StopReason;
import io.cunkebao.api.TaskEvent.Kind;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskInfo;
import io.cunkebao.api.TaskNotFoundException;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.StoredTask;
import io.cunkebao.core.SchedulerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: a {@link TaskScheduler} over one queue driver.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>Flow.</b> {@link Submitter} validates and encodes a request and enqueues its envelope.
 * {@link Dispatcher} claims due tasks while fewer than {@code maxConcurrency} attempts run and
 * hands each to {@link AttemptRunner}, which runs the handler on the worker executor within its
 * timeout. {@link OutcomeRecorder} turns the result into one driver call (ack, retry at a time,
 * dead letter, release); the driver makes it atomic. Listeners see every transition.
 *
 * <p><b>Concurrency.</b> Dispatch, lease renewal, timeouts and interrupts run on the {@link
 * io.cunkebao.core.EngineTimer}; handlers run on the worker executor; nothing sleeps. An attempt
 * holds a concurrency slot until its outcome is recorded and its handler's thread has returned,
 * so an asynchronous attempt in flight, or a timed-out handler that ignores interrupts, still
 * counts.
 *
 * <p><b>Leases and delivery.</b> Delivery is at least once. A claim leases the task; {@link
 * LeaseRenewer} extends the leases of live attempts every third of a lease. A task whose worker
 * died is claimed again once its lease expires, and that counts as an attempt, so a task that
 * kills its worker every time ends in the dead-letter queue instead of looping. Every write for a
 * claimed task carries the lease's token, so a worker that lost its lease cannot overwrite the
 * new holder's outcome or checkpoint; handlers read the fencing token for their own sinks.
 *
 * <p><b>Ordering.</b> Higher priority first among due tasks, then due time, then submit order; a
 * task blocked on a busy resource does not hold up others.
 *
 * <p><b>Time.</b> One injected clock for the engine and its driver (passed to the driver as
 * {@code now}); tests move it with {@link io.cunkebao.core.testing.ManualScheduler}.
 */
public final class Engine implements TaskScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private enum State { NEW, RUNNING, CLOSED }

  private final EngineParts parts;
  private final Collaborators collaborators;
  private final Submitter submitter;
  private final Dispatcher dispatcher;
  private final LeaseRenewer renewer;
  private final CronScheduler schedules;
  private final @Nullable SeatOwnership seats;
  private final WorkerSlots slots;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private volatile AutoCloseable notificationSubscription = () -> {};

  /**
   * Creates an engine; it claims nothing until {@link #start()}.
   *
   * @param config the settings
   * @param collaborators the queue, task types, clock, timer, executor and listeners
   */
  public Engine(SchedulerConfig config, Collaborators collaborators) {
    this.collaborators = collaborators;
    PayloadCodec codec = new PayloadCodec(config.maxPayloadBytes());
    GuardedListeners listeners = new GuardedListeners(collaborators.listeners());
    this.seats = collaborators.devices() == null ? null : new SeatOwnership(
        new SeatOwnership.Parts(config, codec, collaborators.clock(), collaborators.timer(), listeners),
        collaborators.devices().driver(), collaborators.devices().seats(), collaborators.stateStore(), this::seatInUse);
    this.parts = new EngineParts(config, collaborators.driver(), collaborators.registry(), codec, collaborators.clock(),
        collaborators.timer(), collaborators.workers(), listeners, this, seats != null ? seats : Devices.NONE);
    this.slots = new WorkerSlots(config.maxConcurrency(), collaborators.clock().instant());
    this.submitter = new Submitter(parts);
    this.dispatcher = new Dispatcher(parts, onFinished -> new AttemptRunner(parts, slots, onFinished));
    this.renewer = new LeaseRenewer(parts, dispatcher.runner());
    this.schedules = new CronScheduler(parts, submitter, collaborators.stateStore());
  }

  @Override
  public void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("the engine was already " + (state.get() == State.RUNNING ? "started" : "closed"));
    }
    LOG.info("Starting Cunkebao engine with {}", parts.config());
    parts.driver().workNotifications().ifPresent(n -> notificationSubscription = n.subscribe(dispatcher::wake));
    renewer.start();
    schedules.start();
    if (seats != null) {
      seats.start();
    }
    collaborators.defaultSchedules().forEach(schedules::add);
    EngineContext context = new EngineContext(this, collaborators.stateStore(), parts.clock(), parts.config().zone());
    for (EngineExtension extension : collaborators.extensions()) {
      extension.started(context);
    }
    dispatcher.start(); // last: nothing is claimed before every part above is ready
  }

  @Override
  public void publish(Event event) {
    requireOpen();
    collaborators.eventBus().publish(this, event);
  }

  @Override
  public ScheduleClient schedules() {
    return schedules;
  }

  @Override
  public TaskId submit(TaskRequest<?> request) {
    requireOpen();
    return submitter.submit(request);
  }

  @Override
  public Optional<TaskInfo> status(TaskId id) {
    return parts.driver().find(id).map(TaskInfos::of);
  }

  @Override
  public TaskStatus cancel(TaskId id) {
    StoredTask before = find(id);
    TaskStatus after = parts.driver().cancel(id, parts.clock().instant());
    if (after == TaskStatus.CANCELLED) {
      parts.emit(Kind.CANCELLED, before.envelope(), before.status(), after, before.attempts(), "cancelled by user");
    } else {
      dispatcher.runner().runningAttempt(id).ifPresent(a -> dispatcher.runner().stop(a, StopReason.CANCELLED));
    }
    return after;
  }

  @Override
  public TaskStatus pause(TaskId id) {
    StoredTask before = find(id);
    TaskStatus after = parts.driver().pause(id, parts.clock().instant());
    if (after == TaskStatus.PAUSED) {
      parts.emit(Kind.PAUSED, before.envelope(), before.status(), after, before.attempts(), "paused by user");
    }
    return after;
  }

  @Override
  public TaskStatus resume(TaskId id) {
    StoredTask before = find(id);
    TaskStatus after = parts.driver().resume(id, parts.clock().instant());
    if (before.status() == TaskStatus.PAUSED) {
      parts.emit(Kind.RESUMED, before.envelope(), before.status(), after, before.attempts(), "resumed by user");
    }
    dispatcher.wake();
    return after;
  }

  @Override
  public void pauseQueue(String queue) {
    parts.driver().pauseQueue(queue);
  }

  @Override
  public void resumeQueue(String queue) {
    parts.driver().resumeQueue(queue);
    dispatcher.wake();
  }

  @Override
  public List<TaskInfo> deadLetters(String queue, int limit) {
    return parts.driver().deadLetters(queue, limit).stream().map(TaskInfos::of).toList();
  }

  @Override
  public void replay(TaskId id) {
    StoredTask before = find(id);
    parts.driver().replay(id, parts.clock().instant());
    parts.emit(Kind.REPLAYED, before.envelope(), before.status(), TaskStatus.PENDING, 0, "replayed from dead letter");
    dispatcher.wake();
  }

  @Override
  public long purgeDeadLetters(String queue) {
    return parts.driver().purgeDeadLetters(queue);
  }

  @Override
  public MonitoringSnapshot snapshot() {
    Instant now = parts.clock().instant();
    QueueStats stats = parts.driver().stats(parts.config().queues(), now);
    return new MonitoringSnapshot(now, stats.pending(), stats.running(), stats.completedToday(),
        stats.failedToday(), stats.deadLettered(), stats.averageProcessingTime(), slots.snapshot());
  }

  @Override
  public boolean shutdown(Duration maxWait) {
    State previous = state.getAndSet(State.CLOSED);
    if (previous == State.CLOSED) {
      LOG.debug("Engine already closed");
      return true;
    }
    LOG.info("Shutting down: no more claims; waiting up to {} ms for {} running attempt(s)", maxWait.toMillis(), dispatcher.inFlight());
    schedules.stop();
    dispatcher.stop();
    boolean clean = awaitDrained(maxWait);
    if (!clean) {
      handBackRunning();
    }
    renewer.stop();
    if (seats != null) {
      seats.stop();
    }
    closeQuietly(notificationSubscription);
    for (AutoCloseable owned : collaborators.owned()) {
      closeQuietly(owned);
    }
    LOG.info("Engine shut down{}", clean ? "" : "; unfinished attempts were handed back to the queue");
    return clean;
  }

  @Override
  public void close() {
    shutdown(parts.config().shutdownTimeout());
  }

  private boolean awaitDrained(Duration maxWait) {
    try {
      dispatcher.drained().get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      parts.listeners().onEngineError("shutdown", e);
      return false;
    }
  }

  private void handBackRunning() {
    Instant now = parts.clock().instant();
    for (RunningAttempt attempt : dispatcher.runner().running()) {
      attempt.markHandedBack();
      attempt.requestStop(StopReason.SHUTDOWN);
      try {
        Optional<TaskStatus> status = parts.driver().release(attempt.lease(), now);
        status.ifPresent(to -> parts.emit(Kind.RELEASED, attempt.envelope(), TaskStatus.RUNNING, to, attempt.attempt(), "shutdown"));
      } catch (RuntimeException e) {
        parts.listeners().onEngineError("shutdown: handing back task " + attempt.taskId()
            + " (its lease expires and another engine runs it)", e);
      }
      attempt.interruptHandler();
      attempt.outcome.completeExceptionally(new io.cunkebao.api.TaskInterruptedException(attempt.taskId(), StopReason.SHUTDOWN));
    }
  }

  /** Whether one of this engine's running attempts names the seat (so it is not handed over yet). */
  private boolean seatInUse(io.cunkebao.api.device.SeatId seat) {
    io.cunkebao.api.ResourceKey key = seat.resourceKey();
    return dispatcher.runner().running().stream().anyMatch(a -> a.envelope().resources().contains(key));
  }

  private StoredTask find(TaskId id) {
    return parts.driver().find(id).orElseThrow(() -> new TaskNotFoundException(id));
  }

  private void requireOpen() {
    if (state.get() == State.CLOSED) {
      throw new IllegalStateException("the engine is closed");
    }
  }

  private void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Closing {} failed", closeable, e);
    }
  }

  @Override
  public String toString() {
    return "Engine[" + parts.config().workerId() + ", " + state.get() + "]";
  }
}
