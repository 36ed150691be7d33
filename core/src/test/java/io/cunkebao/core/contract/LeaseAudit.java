package io.cunkebao.core.contract;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.Lease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the leases of concurrent claimers from the outside and records every breach of "at most
 * one valid lease per task at any instant".
 *
 * <p>Claimers report claims, extensions, the end of their hold (before calling ack, retry ...) and
 * successful acks. Reports may arrive out of order (a claimer whose lease expired may report its
 * claim after the next holder reported its own), so holds are compared by fencing token, not by
 * arrival.
 *
 * <p>Of two holds of one task, the older must have ended, or the shared clock must have passed its
 * expiry by the time the claim that issued the newer one returned. A claim's own {@code now} is
 * no good for this check: a claimer may read the clock, lose the CPU, and then legitimately claim a
 * task that another claimer's later {@code now} had already recovered. The clock read after the
 * claim returns bounds every {@code now} the driver can have acted on, so a breach of the check is
 * always a real overlap.
 */
final class LeaseAudit {
  private final Map<TaskId, Hold> newest = new ConcurrentHashMap<>();
  private final Map<TaskId, List<ClaimedTask>> claims = new ConcurrentHashMap<>();
  private final Map<TaskId, Long> ackedFencing = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
  private final AtomicInteger lost = new AtomicInteger();

  /** A claimer got {@code task} from a claim that returned when the shared clock read {@code claimedAt}. */
  void claimed(ClaimedTask task, Instant claimedAt) {
    claims.computeIfAbsent(task.lease().taskId(), id -> Collections.synchronizedList(new ArrayList<>())).add(task);
    Hold hold = new Hold(task.lease().fencingToken(), task.lease().expiresAt(), claimedAt, false);
    newest.merge(task.lease().taskId(), hold, (current, added) -> newer(task.lease().taskId(), current, added));
  }

  /** The driver accepted an extension of {@code lease} to {@code expiry}. */
  void extended(Lease lease, Instant expiry) {
    newest.computeIfPresent(lease.taskId(), (id, current) -> {
      if (current.fencing == lease.fencingToken()) {
        return new Hold(current.fencing, expiry, current.claimedAt, false);
      }
      Hold extended = new Hold(lease.fencingToken(), expiry, Instant.MIN, false);
      return newer(id, current, extended);
    });
  }

  /** The holder of {@code lease} stops holding it (about to ack, retry ...). */
  void ending(Lease lease) {
    newest.computeIfPresent(lease.taskId(),
        (id, current) -> current.fencing == lease.fencingToken() ? current.asEnded() : current);
  }

  /**
   * The driver accepted the ack of {@code lease}. Whether it was the newest lease is checked at the
   * end, when every claim has been reported: a newer holder may report its claim after this ack.
   */
  void acked(Lease lease) {
    if (ackedFencing.putIfAbsent(lease.taskId(), lease.fencingToken()) != null) {
      violations.add(lease.taskId() + " completed twice");
    }
  }

  /** The driver refused a write of a lease (lost). */
  void refused() {
    lost.incrementAndGet();
  }

  int completedCount() {
    return ackedFencing.size();
  }

  Set<TaskId> completed() {
    return ackedFencing.keySet();
  }

  int refusedCount() {
    return lost.get();
  }

  long reclaimCount() {
    return claims.values().stream().mapToLong(list -> Math.max(0, list.size() - 1)).sum();
  }

  /**
   * Every breach seen, plus those only visible once all is reported: fencing tokens of each task
   * must grow with its attempt numbers, and the accepted ack must be the newest lease's.
   */
  List<String> violations() {
    List<String> result = new ArrayList<>(violations);
    claims.forEach((id, list) -> {
      List<ClaimedTask> sorted;
      synchronized (list) {
        sorted = new ArrayList<>(list);
      }
      sorted.sort(Comparator.comparingInt(ClaimedTask::attempt));
      long newestFencing = sorted.stream().mapToLong(c -> c.lease().fencingToken()).max().orElseThrow();
      Long acked = ackedFencing.get(id);
      if (acked != null && acked != newestFencing) {
        result.add(id + " acked with fencing token " + acked + " but lease " + newestFencing + " was issued after it");
      }
      for (int i = 1; i < sorted.size(); i++) {
        ClaimedTask before = sorted.get(i - 1);
        ClaimedTask after = sorted.get(i);
        if (after.attempt() <= before.attempt() || after.lease().fencingToken() <= before.lease().fencingToken()) {
          result.add(id + ": attempt " + after.attempt() + " (fencing " + after.lease().fencingToken()
              + ") does not follow attempt " + before.attempt() + " (fencing " + before.lease().fencingToken() + ")");
        }
      }
    });
    return result;
  }

  private Hold newer(TaskId id, Hold current, Hold added) {
    Hold older = current.fencing < added.fencing ? current : added;
    Hold newer = older == current ? added : current;
    if (older.fencing == newer.fencing) {
      violations.add(id + ": fencing token " + newer.fencing + " issued twice");
    } else if (!older.ended && !older.expiresAt.isBefore(newer.claimedAt)) {
      violations.add(id + ": lease " + newer.fencing + " issued by a claim that returned at " + newer.claimedAt
          + " while lease " + older.fencing + " was valid until " + older.expiresAt);
    }
    return newer;
  }

  private record Hold(long fencing, Instant expiresAt, Instant claimedAt, boolean ended) {
    Hold asEnded() {
      return new Hold(fencing, expiresAt, claimedAt, true);
    }
  }
}
