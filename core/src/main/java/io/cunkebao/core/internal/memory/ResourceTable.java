package io.cunkebao.core.internal.memory;

import io.cunkebao.api.ResourceKey;
import io.cunkebao.api.spi.ClaimRequest;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The resources in use or waited for. An entry exists only while a running task holds the resource
 * or a task is parked on it, so the table stays as small as the running set plus the blocked
 * resources.
 *
 * <p>Running counts include resources of kinds a claim did not limit: limits belong to the claim
 * request, and a later claim may limit a kind an earlier one did not.
 */
final class ResourceTable {
  private final Map<ResourceKey, ResourceState> states = new HashMap<>();

  /**
   * The first resource of the task that is at its limit for this request.
   *
   * @return that resource's state (created when needed, to park on), or null when all have room
   */
  @Nullable ResourceState firstFull(TaskRecord task, ClaimRequest request) {
    for (ResourceKey key : task.envelope.resources()) {
      int limit = request.limitFor(key.kind());
      if (limit == Integer.MAX_VALUE) {
        continue;
      }
      ResourceState state = states.get(key);
      int running = state == null ? 0 : state.running;
      if (running >= limit) {
        return state != null ? state : stateOf(key);
      }
    }
    return null;
  }

  void acquire(TaskRecord task) {
    for (ResourceKey key : task.envelope.resources()) {
      stateOf(key).running++;
    }
  }

  /**
   * Frees the task's resources.
   *
   * @return whether a parked task may now be claimable
   */
  boolean release(TaskRecord task) {
    boolean wake = false;
    for (ResourceKey key : task.envelope.resources()) {
      ResourceState state = states.get(key);
      if (state == null || state.running == 0) {
        throw new IllegalStateException("resource " + key + " released by " + task + " but not held");
      }
      state.running--;
      wake |= state.announceRoom();
      dropIfIdle(state);
    }
    return wake;
  }

  void dropIfIdle(ResourceState state) {
    if (state.isIdle()) {
      // A stale entry may remain in some QueueState.freed; the claim drops it when it finds no parked task.
      states.remove(state.key, state);
    }
  }

  private ResourceState stateOf(ResourceKey key) {
    return states.computeIfAbsent(key, ResourceState::new);
  }
}
