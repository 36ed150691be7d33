package io.cunkebao.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed attempt is run again: an explicit list of delays, or exponential backoff with
 * jitter and a cap, each with a maximum number of retries.
 *
 * <p>A policy is an immutable value and a pure function: {@link #delayAfter} takes the number of
 * the failed attempt and a random number, and never reads a clock. Failures that are {@link
 * NonRetryableTaskException}s skip the policy.
 *
 * <p>The seed's default ({@link #seedDefault()}) retries up to three times, after 60, 300 and 900
 * seconds, so a task runs at most four times before it is dead-lettered.
 */
public final class RetryPolicy {
  private final List<Duration> delays;
  private final Duration initial;
  private final double multiplier;
  private final Duration cap;
  private final double jitter;
  private final int maxRetries;

  private RetryPolicy(List<Duration> delays, Duration initial, double multiplier, Duration cap, double jitter, int maxRetries) {
    this.delays = List.copyOf(delays);
    this.initial = initial;
    this.multiplier = multiplier;
    this.cap = cap;
    this.jitter = jitter;
    this.maxRetries = maxRetries;
  }

  /**
   * The seed's policy: retries after 60 s, 300 s and 900 s, then dead letter.
   *
   * @return the policy
   */
  public static RetryPolicy seedDefault() {
    return delays(Duration.ofSeconds(60), Duration.ofSeconds(300), Duration.ofSeconds(900));
  }

  /**
   * No retries: the first failure dead-letters.
   *
   * @return the policy
   */
  public static RetryPolicy none() {
    return new RetryPolicy(List.of(), Duration.ZERO, 1, Duration.ZERO, 0, 0);
  }

  /**
   * One retry per delay, in order.
   *
   * @param delays the wait before retry 1, 2, ...; none negative
   * @return the policy
   */
  public static RetryPolicy delays(Duration... delays) {
    List<Duration> list = new ArrayList<>();
    for (Duration delay : delays) {
      list.add(requireNotNegative(delay, "retry delay"));
    }
    return new RetryPolicy(list, Duration.ZERO, 1, Duration.ZERO, 0, list.size());
  }

  /**
   * Exponential backoff: retry n waits {@code initial * multiplier^(n-1)}, capped at {@code cap},
   * then moved by up to {@code jitter} of itself either way.
   *
   * @param initial the first delay, not negative
   * @param multiplier at least 1
   * @param cap the largest delay, at least {@code initial}
   * @param jitter 0 (none) to 1 (full)
   * @param maxRetries how many retries, 0 or more
   * @return the policy
   */
  public static RetryPolicy exponential(Duration initial, double multiplier, Duration cap, double jitter, int maxRetries) {
    requireNotNegative(initial, "initial delay");
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be at least 1 but was " + multiplier);
    }
    if (cap.compareTo(initial) < 0) {
      throw new IllegalArgumentException("cap must be at least the initial delay " + initial + " but was " + cap);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1 but was " + jitter);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative but was " + maxRetries);
    }
    return new RetryPolicy(List.of(), initial, multiplier, cap, jitter, maxRetries);
  }

  /**
   * How many retries follow the first run.
   *
   * @return 0 or more; a task runs at most {@code maxRetries() + 1} times
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * The wait before the next run, after attempt {@code failedAttempt} failed.
   *
   * @param failedAttempt the attempt that failed, 1 for the first run
   * @param random a number in [0, 1) used for jitter
   * @return the delay, or empty when no retry is left
   */
  public Optional<Duration> delayAfter(int failedAttempt, double random) {
    if (failedAttempt < 1) {
      throw new IllegalArgumentException("failedAttempt must be at least 1 but was " + failedAttempt);
    }
    if (failedAttempt > maxRetries) {
      return Optional.empty();
    }
    if (!delays.isEmpty()) {
      return Optional.of(delays.get(failedAttempt - 1));
    }
    double base = Math.min(initial.toMillis() * Math.pow(multiplier, failedAttempt - 1.0), cap.toMillis());
    double jittered = base * (1 - jitter + 2 * jitter * random);
    return Optional.of(Duration.ofMillis(Math.round(Math.min(jittered, cap.toMillis()))));
  }

  /**
   * The policy as text, which {@link #parse} reads back: {@code delays:60s,300s,900s}, {@code none}
   * or {@code exponential:1000ms*2.0<=60000ms~0.2x5}.
   *
   * @return the text form
   */
  @Override
  public String toString() {
    if (maxRetries == 0) {
      return "none";
    }
    if (!delays.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Duration d : delays) {
        parts.add(d.toMillis() + "ms");
      }
      return "delays:" + String.join(",", parts);
    }
    return "exponential:" + initial.toMillis() + "ms*" + multiplier + "<=" + cap.toMillis() + "ms~" + jitter + "x" + maxRetries;
  }

  /**
   * Reads the form {@link #toString()} writes.
   *
   * @param text the text form
   * @return the policy
   * @throws IllegalArgumentException naming the text when it is not such a form
   */
  public static RetryPolicy parse(String text) {
    try {
      if (text.equals("none")) {
        return none();
      }
      if (text.startsWith("delays:")) {
        String[] parts = text.substring("delays:".length()).split(",");
        Duration[] list = new Duration[parts.length];
        for (int i = 0; i < parts.length; i++) {
          list[i] = parseMillis(parts[i]);
        }
        return delays(list);
      }
      if (text.startsWith("exponential:")) {
        String rest = text.substring("exponential:".length());
        int star = rest.indexOf('*');
        int le = rest.indexOf("<=");
        int tilde = rest.indexOf('~');
        int x = rest.lastIndexOf('x');
        return exponential(
            parseMillis(rest.substring(0, star)),
            Double.parseDouble(rest.substring(star + 1, le)),
            parseMillis(rest.substring(le + 2, tilde)),
            Double.parseDouble(rest.substring(tilde + 1, x)),
            Integer.parseInt(rest.substring(x + 1)));
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a retry policy: '" + text + "' (" + e.getMessage() + ")", e);
    }
    throw new IllegalArgumentException("not a retry policy: '" + text + "'");
  }

  private static Duration parseMillis(String text) {
    if (!text.endsWith("ms")) {
      throw new IllegalArgumentException("durations are written in ms: " + text);
    }
    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
  }

  private static Duration requireNotNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative but was " + d);
    }
    return d;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
