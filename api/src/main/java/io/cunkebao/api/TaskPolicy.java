package io.cunkebao.api;

import java.util.Objects;

/**
 * The retry, timeout and dead-letter policies that apply to a task.
 *
 * <p>Resolution order: the request's overrides, then the task type's defaults, then the engine's
 * default ({@link #seedDefault()} unless configured).
 *
 * @param retry when failed attempts run again
 * @param timeout how long one attempt may run
 * @param deadLetter what happens when no retry is left
 */
public record TaskPolicy(RetryPolicy retry, TimeoutPolicy timeout, DeadLetterPolicy deadLetter) {

  /** Checks that no part is null. */
  public TaskPolicy {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(deadLetter, "deadLetter");
  }

  /**
   * The seed's defaults: retries after 60, 300 and 900 s, a 300 s timeout, then dead letter.
   *
   * @return the policy
   */
  public static TaskPolicy seedDefault() {
    return new TaskPolicy(RetryPolicy.seedDefault(), TimeoutPolicy.seedDefault(), DeadLetterPolicy.KEEP);
  }

  /**
   * This policy with another retry policy.
   *
   * @param retry the retry policy
   * @return a new policy
   */
  public TaskPolicy withRetry(RetryPolicy retry) {
    return new TaskPolicy(retry, timeout, deadLetter);
  }

  /**
   * This policy with another timeout.
   *
   * @param timeout the timeout policy
   * @return a new policy
   */
  public TaskPolicy withTimeout(TimeoutPolicy timeout) {
    return new TaskPolicy(retry, timeout, deadLetter);
  }

  /**
   * This policy with another dead-letter policy.
   *
   * @param deadLetter the dead-letter policy
   * @return a new policy
   */
  public TaskPolicy withDeadLetter(DeadLetterPolicy deadLetter) {
    return new TaskPolicy(retry, timeout, deadLetter);
  }
}
