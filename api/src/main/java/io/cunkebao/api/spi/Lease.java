package io.cunkebao.api.spi;

import io.cunkebao.api.TaskId;
import java.time.Instant;

/**
 * A worker's hold on a claimed task. Every call that changes the task checks the token: a worker
 * whose lease expired and was claimed again cannot change the outcome or the checkpoint.
 *
 * @param taskId the task held
 * @param token a random token unique to this claim
 * @param fencingToken a number that grows with every claim of the task
 * @param expiresAt when the task may be claimed again unless extended
 * @param workerId the claimer's id, for diagnostics
 */
public record Lease(TaskId taskId, String token, long fencingToken, Instant expiresAt, String workerId) {

  /**
   * This lease with another expiry (after a successful extension).
   *
   * @param newExpiry the new expiry
   * @return the extended lease
   */
  public Lease extendedTo(Instant newExpiry) {
    return new Lease(taskId, token, fencingToken, newExpiry, workerId);
  }
}
