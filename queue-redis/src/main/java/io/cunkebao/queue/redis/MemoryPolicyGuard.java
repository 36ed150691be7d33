package io.cunkebao.queue.redis;

import io.cunkebao.api.QueueUnavailableException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check of {@code maxmemory-policy}: under any policy but {@code noeviction}, Redis
 * may evict queued tasks, leases and idempotency keys when it runs out of memory, and nobody would
 * know. {@code noeviction} makes writes fail loudly instead.
 */
final class MemoryPolicyGuard {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryPolicyGuard.class);

  private MemoryPolicyGuard() {}

  static void check(RedisLink link, RedisQueueSettings settings) {
    if (settings.memoryPolicyCheck() == MemoryPolicyCheck.OFF) {
      return;
    }
    String policy;
    try {
      Map<String, String> config = link.call("read maxmemory-policy", c -> c.configGet("maxmemory-policy"));
      policy = config.get("maxmemory-policy");
    } catch (QueueUnavailableException e) {
      // managed services often forbid CONFIG: say so, and go on unless told to insist
      if (settings.memoryPolicyCheck() == MemoryPolicyCheck.FAIL) {
        throw new IllegalStateException("could not read Redis's maxmemory-policy to check it is noeviction ("
            + e.getMessage() + "); set maxmemoryPolicyCheck=warn or off to start anyway", e);
      }
      LOG.warn("could not read Redis's maxmemory-policy ({}); make sure it is noeviction, or Redis may evict queued tasks",
          e.getMessage());
      return;
    }
    if ("noeviction".equals(policy)) {
      return;
    }
    String message = "Redis's maxmemory-policy is " + policy + ", not noeviction: under memory pressure Redis may evict"
        + " queued tasks, leases and idempotency keys of namespace " + settings.namespace() + " without a trace";
    if (settings.memoryPolicyCheck() == MemoryPolicyCheck.FAIL) {
      throw new IllegalStateException(message + " (set maxmemory-policy noeviction, or maxmemoryPolicyCheck=warn)");
    }
    LOG.warn("{}; set maxmemory-policy noeviction", message);
  }
}
