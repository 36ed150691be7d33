package io.cunkebao.queue.redis;

import io.cunkebao.api.Progress;
import io.cunkebao.api.QueueStats;
import io.cunkebao.api.QueueUnavailableException;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.StateStore;
import io.cunkebao.api.spi.StoredTask;
import io.cunkebao.api.spi.TaskEnvelope;
import io.cunkebao.api.spi.WorkNotifications;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link QueueDriver} on Redis (through Lettuce): several engines on one Redis share the queue,
 * the task state and the {@link StateStore}; Redis Cluster spreads namespaces over its masters.
 *
 * <pre>{@code
 * QueueDriver queue = RedisQueueDriver.open(
 *     RedisQueueSettings.fromUri(URI.create("redis://localhost:6379?namespace=tenant-a")),
 *     QueueDriverConfig.defaults(ZoneId.of("Asia/Shanghai")));
 * }</pre>
 * or, through {@link RedisQueueDriverProvider}, {@code Schedulers.builder().queueUri("redis://...")}.
 *
 * <p><b>Atomicity.</b> Every state change (enqueue, claim, extend, checkpoint, ack, retry, dead
 * letter, release, cancel, pause, resume, replay, queue pause and purge) is one Lua script, loaded
 * once and run by SHA (loaded again after a NOSCRIPT). Scripts take "now" from the caller, never
 * from Redis's clock, so the engine's clock (a manual one in tests) drives them; nodes must keep
 * their clocks in step well within a lease. A claim first recovers expired leases (counting the
 * attempt), closes idempotency windows, trims finished tasks and makes due delayed tasks ready, so
 * no separate sweeper is needed: a crashed worker's task is claimed again by the first claim after
 * its lease ends.
 *
 * <p><b>Delivery.</b> At least once. Every write of a lease holder checks its random token and
 * fencing token, so a worker whose lease ended cannot change the outcome or the checkpoint of the
 * next holder. Commands in flight when a connection drops are not replayed; their callers get a
 * {@link QueueUnavailableException} and the outcome is unknown: an enqueue can be repeated with the
 * same id (it deduplicates), an unacknowledged task runs again after its lease.
 *
 * <p><b>Key layout.</b> Every key starts with {@code cbk:{ns}:}, {@code ns} the namespace, so one
 * namespace lives on one Cluster slot, and every script gets all its keys in {@code KEYS}: none
 * builds a key name. Task data sits in namespace-wide hashes keyed by task id rather than in a key
 * per task, for that reason. Members joined with NUL ({@code \0}) sort per queue or resource in
 * sorted sets whose scores are all 0 (lexicographic order).
 * <table>
 * <caption>Keys of namespace ns</caption>
 * <tr><th>key</th><th>type</th><th>holds</th></tr>
 * <tr><td>{@code task}</td><td>hash</td><td>id → the task's state (MessagePack): queue, priority,
 *     sequence, status, slot, attempts, run-at, updated-at, resources, idempotency key, work digest,
 *     lease token, fencing token, lease expiry, cancel and pause requests</td></tr>
 * <tr><td>{@code env}, {@code ckpt}, {@code prog}, {@code err}</td><td>hash</td><td>id → the
 *     envelope, the last checkpoint, the last progress, the last error</td></tr>
 * <tr><td>{@code ready}</td><td>zset, lex</td><td>{@code queue\0order id}; order is 10 digits of
 *     inverted priority, 16 of due time (µs) and 12 of enqueue sequence: claim order; tasks naming
 *     no seat</td></tr>
 * <tr><td>{@code seatready}</td><td>zset, lex</td><td>{@code queue\0seat\0order id}: ready tasks
 *     naming resource {@code seat:<seat>}, claimed only by a claimer that owns the seat (claim
 *     affinity), kept out of {@code ready} so that other claimers never step over them</td></tr>
 * <tr><td>{@code delayed}</td><td>zset</td><td>{@code queue\0id} scored by due time (µs)</td></tr>
 * <tr><td>{@code leases}</td><td>zset</td><td>running ids scored by lease expiry (µs)</td></tr>
 * <tr><td>{@code parked}</td><td>zset, lex</td><td>{@code resource\0queue\0order id}: due tasks
 *     waiting for a resource at its limit, not looked at again until it frees a slot</td></tr>
 * <tr><td>{@code parkq}</td><td>zset, lex</td><td>{@code resource\0queue} with parked tasks</td></tr>
 * <tr><td>{@code freed}</td><td>zset, lex</td><td>{@code queue\0resource}: a resource freed a slot
 *     while tasks of the queue were parked on it; the queue's next claim looks at them</td></tr>
 * <tr><td>{@code res}</td><td>hash</td><td>{@code kind:id} → running tasks holding it</td></tr>
 * <tr><td>{@code dead}</td><td>zset, lex</td><td>{@code queue\0sequence id}: the dead-letter
 *     queue, oldest first</td></tr>
 * <tr><td>{@code done}</td><td>zset, lex</td><td>{@code finished-at sequence id}: finished tasks
 *     in finishing order, trimmed by count and age (counted in {@code meta.trimmed})</td></tr>
 * <tr><td>{@code window}</td><td>zset</td><td>ids scored by enqueue time: idempotency windows,
 *     closed oldest first</td></tr>
 * <tr><td>{@code idem}</td><td>hash</td><td>idempotency key → the id holding it</td></tr>
 * <tr><td>{@code paused}</td><td>set</td><td>paused queue names</td></tr>
 * <tr><td>{@code counts}</td><td>hash</td><td>{@code queue\0slot} → tasks ready (R), delayed (D),
 *     parked (K), running (X), paused (P), dead-lettered (L): O(1) statistics</td></tr>
 * <tr><td>{@code meta}</td><td>hash</td><td>{@code seq}, {@code fence} (the fencing counter),
 *     {@code trimmed}</td></tr>
 * <tr><td>{@code wake}</td><td>stream</td><td>an entry per script that made work claimable (last
 *     64 kept): idle workers block on it</td></tr>
 * <tr><td>{@code day:YYYY-MM-DD}</td><td>hash</td><td>{@code queue\0c|f|n} → completed, failed,
 *     µs of processing on that day of the configured zone; expires after three days</td></tr>
 * <tr><td>{@code store:C}, {@code store-keys:C}</td><td>hash, zset</td><td>the {@link StateStore}
 *     collection C (see {@code RedisStateStore})</td></tr>
 * </table>
 *
 * <p><b>Times</b> are kept as epoch microseconds (Lua's numbers are doubles): instants given with
 * nanoseconds come back truncated to the microsecond, except the envelope, which is kept exactly.
 *
 * <p>Thread-safe: one shared connection pipelines the commands of every thread; idle-worker
 * notifications block on a connection of their own.
 */
public final class RedisQueueDriver implements QueueDriver {
  private final RedisLink link;
  private final LeaseCalls leases;
  private final ControlCalls controls;
  private final RedisWorkNotifications notifications;
  private final RedisStateStore store;
  private final String description;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisQueueDriver(RedisLink link, RedisQueueSettings settings, QueueDriverConfig config) {
    this.link = link;
    Scripts scripts = new Scripts();
    RedisKeys keys = new RedisKeys(settings.namespace(), config.zone());
    ScriptCaller caller = new ScriptCaller(link, keys, scripts, config);
    this.leases = new LeaseCalls(caller);
    this.controls = new ControlCalls(caller);
    this.notifications = new RedisWorkNotifications(link, keys, controls::nextDueAt);
    this.store = new RedisStateStore(link, keys, scripts);
    this.description = settings.toString();
  }

  /**
   * Connects and checks Redis's {@code maxmemory-policy}.
   *
   * @param settings where and how to connect
   * @param config the engine's settings for the driver
   * @return the open driver, which the caller closes
   * @throws QueueUnavailableException when Redis cannot be reached
   * @throws IllegalStateException when the memory policy check is set to fail and fails
   */
  public static RedisQueueDriver open(RedisQueueSettings settings, QueueDriverConfig config) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(config, "config");
    RedisLink link = new RedisLink(settings);
    try {
      MemoryPolicyGuard.check(link, settings);
      return new RedisQueueDriver(link, settings, config);
    } catch (RuntimeException e) {
      link.close();
      throw e;
    }
  }

  /**
   * How many finished tasks retention trimmed (by count or age) in this namespace, by any driver.
   *
   * @return the count
   */
  public long trimmedCount() {
    return live(controls::trimmedCount);
  }

  @Override
  public EnqueueResult enqueue(TaskEnvelope envelope, Instant now) {
    Objects.requireNonNull(envelope, "envelope");
    return live(() -> leases.enqueue(envelope, now));
  }

  @Override
  public List<ClaimedTask> claim(ClaimRequest request) {
    Objects.requireNonNull(request, "request");
    return live(() -> leases.claim(request));
  }

  @Override
  public LeaseState extendLease(Lease lease, Instant newExpiry, Instant now) {
    return live(() -> leases.extend(lease, newExpiry, now));
  }

  @Override
  public LeaseState writeCheckpoint(Lease lease, byte @Nullable [] checkpoint, @Nullable Progress progress, Instant now) {
    return live(() -> leases.checkpoint(lease, checkpoint, progress, now));
  }

  @Override
  public Optional<TaskStatus> ack(Lease lease, Instant now) {
    return live(() -> leases.ack(lease, now));
  }

  @Override
  public Optional<TaskStatus> retryAt(Lease lease, Instant runAt, String error, Instant now) {
    return live(() -> leases.retry(lease, runAt, error, now));
  }

  @Override
  public Optional<TaskStatus> deadLetter(Lease lease, String reason, boolean keep, Instant now) {
    return live(() -> leases.deadLetter(lease, reason, keep, now));
  }

  @Override
  public Optional<TaskStatus> release(Lease lease, Instant now) {
    return live(() -> leases.release(lease, now));
  }

  /** Reads without a clock of its own: the retention and window checks happen on writes. */
  @Override
  public Optional<StoredTask> find(TaskId id) {
    Objects.requireNonNull(id, "id");
    return live(() -> controls.find(id, Instant.EPOCH));
  }

  @Override
  public TaskStatus cancel(TaskId id, Instant now) {
    return live(() -> controls.control("cancel", id, now));
  }

  @Override
  public TaskStatus pause(TaskId id, Instant now) {
    return live(() -> controls.control("pause", id, now));
  }

  @Override
  public TaskStatus resume(TaskId id, Instant now) {
    return live(() -> controls.control("resume", id, now));
  }

  @Override
  public void pauseQueue(String queue) {
    live(() -> controls.queue("pause", Objects.requireNonNull(queue, "queue"), Instant.EPOCH));
  }

  @Override
  public void resumeQueue(String queue) {
    live(() -> controls.queue("resume", Objects.requireNonNull(queue, "queue"), Instant.EPOCH));
  }

  @Override
  public boolean isQueuePaused(String queue) {
    return live(() -> controls.isQueuePaused(Objects.requireNonNull(queue, "queue")));
  }

  @Override
  public List<StoredTask> deadLetters(String queue, int limit) {
    return live(() -> controls.deadLetters(Objects.requireNonNull(queue, "queue"), limit, Instant.EPOCH));
  }

  @Override
  public void replay(TaskId id, Instant now) {
    live(() -> controls.control("replay", id, now));
  }

  @Override
  public long purgeDeadLetters(String queue) {
    return live(() -> controls.queue("purge", Objects.requireNonNull(queue, "queue"), Instant.EPOCH));
  }

  @Override
  public QueueStats stats(Collection<String> queues, Instant now) {
    return live(() -> controls.stats(queues, now));
  }

  /** Present: a background thread blocks on the namespace's wake stream once someone subscribes. */
  @Override
  public Optional<WorkNotifications> workNotifications() {
    return Optional.of(notifications);
  }

  /** Present: schedules and workflow instances under the same namespace. */
  @Override
  public Optional<StateStore> stateStore() {
    return Optional.of(store);
  }

  /** Stops the notification thread and closes the connections. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      notifications.close();
      link.close();
    }
  }

  @Override
  public String toString() {
    return "RedisQueueDriver[" + description + (closed.get() ? ", closed" : "") + "]";
  }

  private <T> T live(Supplier<T> operation) {
    if (closed.get()) {
      throw new QueueUnavailableException("the Redis queue driver is closed (" + description + ")", null);
    }
    return operation.get();
  }
}
