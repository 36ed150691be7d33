package io.cunkebao.core.internal.engine;

import io.cunkebao.api.DeadLetterPolicy;
import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TaskPolicy;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TimeoutPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries a request's policy overrides inside the envelope's headers, so that whichever node runs
 * the task applies them.
 */
final class PolicyHeaders {
  static final String RETRY = "retry";
  static final String TIMEOUT = "timeoutMs";
  static final String GRACE = "graceMs";
  static final String DEAD_LETTER = "deadLetter";

  private PolicyHeaders() {}

  static Map<String, String> encode(TaskRequest<?> request) {
    if (request.retry().isEmpty() && request.timeout().isEmpty() && request.deadLetter().isEmpty()) {
      return Map.of();
    }
    Map<String, String> headers = new HashMap<>();
    request.retry().ifPresent(r -> headers.put(RETRY, r.toString()));
    request.timeout().ifPresent(t -> {
      headers.put(TIMEOUT, Long.toString(t.timeout().toMillis()));
      headers.put(GRACE, Long.toString(t.interruptGrace().toMillis()));
    });
    request.deadLetter().ifPresent(d -> headers.put(DEAD_LETTER, d.name()));
    return headers;
  }

  /**
   * The effective policy: the headers' overrides over the base policy.
   *
   * @throws IllegalArgumentException naming the header that does not parse
   */
  static TaskPolicy resolve(Map<String, String> headers, TaskPolicy base) {
    if (headers.isEmpty()) {
      return base;
    }
    TaskPolicy policy = base;
    String retry = headers.get(RETRY);
    if (retry != null) {
      policy = policy.withRetry(RetryPolicy.parse(retry));
    }
    String timeout = headers.get(TIMEOUT);
    if (timeout != null) {
      policy = policy.withTimeout(new TimeoutPolicy(
          Duration.ofMillis(parseLong(TIMEOUT, timeout)),
          Duration.ofMillis(parseLong(GRACE, headers.getOrDefault(GRACE, "0")))));
    }
    String deadLetter = headers.get(DEAD_LETTER);
    if (deadLetter != null) {
      policy = policy.withDeadLetter(DeadLetterPolicy.valueOf(deadLetter));
    }
    return policy;
  }

  private static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("header " + name + " is not a number: " + value, e);
    }
  }
}
