package io.cunkebao.benchmarks;

import io.cunkebao.api.Progress;
import io.cunkebao.api.QueueStats;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.StoredTask;
import io.cunkebao.api.spi.TaskEnvelope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A null collaborator (STYLE B.13 item 4): accepts every enqueue and keeps nothing, so a schedule
 * benchmark measures the schedules alone and its firings do not pile up in a queue. Operations on
 * claimed tasks cannot happen (nothing is ever claimed) and throw.
 */
final class DiscardingQueueDriver implements QueueDriver {
  @Override
  public EnqueueResult enqueue(TaskEnvelope envelope, Instant now) {
    return new EnqueueResult(envelope.id(), true);
  }

  @Override
  public List<ClaimedTask> claim(ClaimRequest request) {
    return List.of();
  }

  @Override
  public Optional<StoredTask> find(TaskId id) {
    return Optional.empty();
  }

  @Override
  public QueueStats stats(Collection<String> queues, Instant now) {
    return QueueStats.EMPTY;
  }

  @Override
  public boolean isQueuePaused(String queue) {
    return false;
  }

  @Override
  public List<StoredTask> deadLetters(String queue, int limit) {
    return List.of();
  }

  @Override
  public long purgeDeadLetters(String queue) {
    return 0;
  }

  @Override
  public void pauseQueue(String queue) {
    throw unsupported();
  }

  @Override
  public void resumeQueue(String queue) {
    throw unsupported();
  }

  @Override
  public LeaseState extendLease(Lease lease, Instant newExpiry, Instant now) {
    throw unsupported();
  }

  @Override
  public LeaseState writeCheckpoint(Lease lease, byte[] checkpoint, Progress progress, Instant now) {
    throw unsupported();
  }

  @Override
  public Optional<TaskStatus> ack(Lease lease, Instant now) {
    throw unsupported();
  }

  @Override
  public Optional<TaskStatus> retryAt(Lease lease, Instant runAt, String error, Instant now) {
    throw unsupported();
  }

  @Override
  public Optional<TaskStatus> deadLetter(Lease lease, String reason, boolean keep, Instant now) {
    throw unsupported();
  }

  @Override
  public Optional<TaskStatus> release(Lease lease, Instant now) {
    throw unsupported();
  }

  @Override
  public TaskStatus cancel(TaskId id, Instant now) {
    throw unsupported();
  }

  @Override
  public TaskStatus pause(TaskId id, Instant now) {
    throw unsupported();
  }

  @Override
  public TaskStatus resume(TaskId id, Instant now) {
    throw unsupported();
  }

  @Override
  public void replay(TaskId id, Instant now) {
    throw unsupported();
  }

  @Override
  public void close() {
    // nothing held
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("the discarding driver never claims, so nothing can be acted on");
  }
}
