package io.cunkebao.core.internal.memory;

import io.cunkebao.api.ResourceKey;
import io.cunkebao.api.spi.ClaimRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One resource: how many running tasks hold it, and the tasks parked because it was full.
 *
 * <p>Parked tasks are kept per queue. A freed slot then tells every queue with a parked task (see
 * {@link QueueState#freed}); had the parked tasks of all queues shared one set, a task of a paused
 * or unclaimed queue at its head would block the tasks of other queues behind it.
 */
final class ResourceState {
  final ResourceKey key;
  int running;
  /** Usually one queue, so a small map. */
  private final Map<QueueState, TreeSet<TaskRecord>> parked = new HashMap<>(2);

  ResourceState(ResourceKey key) {
    this.key = key;
  }

  boolean hasRoom(ClaimRequest request) {
    return running < request.limitFor(key.kind());
  }

  void park(TaskRecord task) {
    parked.computeIfAbsent(task.queue, q -> new TreeSet<>(TaskRecord.CLAIM_ORDER)).add(task);
  }

  /** @return whether the task was parked here */
  boolean unpark(TaskRecord task) {
    TreeSet<TaskRecord> set = parked.get(task.queue);
    if (set == null || !set.remove(task)) {
      return false;
    }
    if (set.isEmpty()) {
      parked.remove(task.queue);
    }
    return true;
  }

  /** @return the tasks of {@code queue} parked here, or null when there are none */
  @Nullable TreeSet<TaskRecord> parkedOf(QueueState queue) {
    return parked.get(queue);
  }

  /**
   * Tells each queue with tasks parked here that a slot freed.
   *
   * @return whether any task was parked here, that is whether something may have become claimable
   */
  boolean announceRoom() {
    for (QueueState queue : parked.keySet()) {
      queue.freed.add(this);
    }
    return !parked.isEmpty();
  }

  boolean isIdle() {
    return running == 0 && parked.isEmpty();
  }

  @Override
  public String toString() {
    return "ResourceState[" + key + ", running " + running + "]";
  }
}
