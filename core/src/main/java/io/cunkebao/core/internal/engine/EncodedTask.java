package io.cunkebao.core.internal.engine;

import io.cunkebao.api.ResourceKey;
import java.util.List;
import java.util.Map;

/**
 * A validated, encoded task template: what a schedule stores and enqueues at each firing.
 *
 * @param queue the queue
 * @param type the task type
 * @param payload the payload as JSON text
 * @param priority the priority
 * @param resources the resources, as {@code kind:id}
 * @param headers the policy overrides
 */
record EncodedTask(String queue, String type, String payload, int priority, List<String> resources, Map<String, String> headers) {

  EncodedTask {
    resources = List.copyOf(resources);
    headers = Map.copyOf(headers);
  }

  java.util.Set<ResourceKey> resourceKeys() {
    java.util.Set<ResourceKey> keys = new java.util.LinkedHashSet<>();
    resources.forEach(r -> keys.add(ResourceKey.parse(r)));
    return keys;
  }
}
