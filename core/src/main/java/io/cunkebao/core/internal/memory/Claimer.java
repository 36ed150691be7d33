package io.cunkebao.core.internal.memory;

import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.Lease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The claim: a merge, in claim order, over the ready sets of the claimed queues and the parked
 * sets of resources that freed a slot.
 *
 * <p>Each candidate taken is either claimed or parked on the first resource of it that is full, so
 * a blocked task costs O(log n) once and is not looked at again until that resource frees a slot;
 * the claim then goes on to the next candidate, and a task for an idle resource is never held up
 * behind it. A freed resource's parked tasks compete with the ready ones for as long as the
 * resource has room under this request's limits.
 */
final class Claimer {
  private static final Comparator<Source> BY_HEAD = (a, b) -> TaskRecord.CLAIM_ORDER.compare(a.head, b.head);

  private final TaskIndex index;
  private final Outcomes outcomes;

  Claimer(TaskIndex index, Outcomes outcomes) {
    this.index = index;
    this.outcomes = outcomes;
  }

  List<ClaimedTask> claim(ClaimRequest request) {
    Instant now = request.now();
    outcomes.recoverExpiredLeases(now);
    index.housekeeping(now);
    PriorityQueue<Source> sources = new PriorityQueue<>(BY_HEAD);
    for (QueueState queue : claimableQueues(request)) {
      index.promoteDue(queue, now);
      addSources(queue, request, sources);
    }
    List<ClaimedTask> claimed = new ArrayList<>(Math.min(request.max(), 64));
    while (claimed.size() < request.max() && !sources.isEmpty()) {
      Source source = sources.poll();
      if (source.set.isEmpty() || source.set.first() != source.head) {
        // Its set changed while it waited in the heap (a task parked onto it); re-rank it.
        requeue(source, sources);
        continue;
      }
      if (source.resource != null && !source.resource.hasRoom(request)) {
        source.queue.freed.remove(source.resource); // full again; its next release brings it back
        continue;
      }
      TaskRecord task = source.head;
      if (!request.mayClaim(task.envelope.resources())) {
        // A seat task freed from a resource, but this claimer does not own its seat: back to its
        // seat's ready set, where the owner's claims look.
        index.unplace(task);
        index.place(task, Slot.READY);
        requeue(source, sources);
        continue;
      }
      ResourceState blocker = index.resources.firstFull(task, request);
      if (blocker != null) {
        index.park(task, blocker);
      } else {
        claimed.add(take(task, request));
      }
      requeue(source, sources);
    }
    return claimed;
  }

  private List<QueueState> claimableQueues(ClaimRequest request) {
    LinkedHashSet<QueueState> result = new LinkedHashSet<>();
    for (String name : request.queues()) {
      QueueState queue = index.existingQueue(name);
      if (queue != null && !queue.paused) {
        result.add(queue);
      }
    }
    return new ArrayList<>(result);
  }

  private void addSources(QueueState queue, ClaimRequest request, PriorityQueue<Source> sources) {
    if (!queue.ready.isEmpty()) {
      sources.add(new Source(queue, queue.ready, null));
    }
    for (String seat : request.ownedSeats()) {
      NavigableSet<TaskRecord> seatTasks = queue.seatReady.get(seat);
      if (seatTasks != null && !seatTasks.isEmpty()) {
        sources.add(new Source(queue, seatTasks, null));
      }
    }
    for (Iterator<ResourceState> it = queue.freed.iterator(); it.hasNext(); ) {
      ResourceState resource = it.next();
      NavigableSet<TaskRecord> parked = resource.parkedOf(queue);
      if (parked == null || !resource.hasRoom(request)) {
        it.remove();
      } else {
        sources.add(new Source(queue, parked, resource));
      }
    }
  }

  private static void requeue(Source source, PriorityQueue<Source> sources) {
    if (!source.set.isEmpty()) {
      sources.add(new Source(source.queue, source.set, source.resource));
    } else if (source.resource != null) {
      source.queue.freed.remove(source.resource);
    }
  }

  private ClaimedTask take(TaskRecord task, ClaimRequest request) {
    Instant now = request.now();
    index.unplace(task);
    index.resources.acquire(task);
    task.moveTo(TaskStatus.RUNNING, now);
    task.attempts++;
    TaskRecord.RunState run = task.run();
    run.fencingToken = index.nextFencingToken();
    // Unique per claim, cheap under the lock: the fencing token plus random bits (not a secret).
    run.leaseToken = run.fencingToken + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    run.leaseExpiresAt = now.plus(request.leaseDuration());
    run.claimedAt = now;
    index.place(task, Slot.RUNNING);
    Lease lease = new Lease(task.id(), run.leaseToken, run.fencingToken, run.leaseExpiresAt, request.workerId());
    return new ClaimedTask(task.envelope, lease, task.attempts, run.checkpoint, run.progress);
  }

  /**
   * One ordered set of candidates and the head it was ranked by. The head is frozen while the
   * source sits in the heap, because the heap must not see a key change under it.
   */
  private static final class Source {
    final QueueState queue;
    final NavigableSet<TaskRecord> set;
    final @Nullable ResourceState resource;
    final TaskRecord head;

    Source(QueueState queue, NavigableSet<TaskRecord> set, @Nullable ResourceState resource) {
      this.queue = queue;
      this.set = set;
      this.resource = resource;
      this.head = set.first();
    }
  }
}
