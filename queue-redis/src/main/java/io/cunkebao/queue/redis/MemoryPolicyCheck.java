package io.cunkebao.queue.redis;

/**
 * What the driver does at start-up when Redis's {@code maxmemory-policy} is not {@code
 * noeviction}: any other policy lets Redis evict queued tasks, leases or idempotency keys under
 * memory pressure, silently.
 */
public enum MemoryPolicyCheck {
  /** Do not check (for managed Redis services that forbid {@code CONFIG GET}). */
  OFF,
  /** Log a warning and go on. The default. */
  WARN,
  /** Refuse to open the driver. */
  FAIL
}
