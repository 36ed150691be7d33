package io.cunkebao.core.internal.workflow;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A step's delay: fixed ({@code 3s}) or a random range ({@code 1s-5s}, the seed's anti-risk jitter).
 *
 * <p>The random pick is seeded from the instance and the step, not from a shared generator, so a
 * step retried after a crash computes the same run time, and tests are deterministic.
 *
 * @param min the shortest delay
 * @param max the longest delay, not shorter than {@code min}
 */
record DelaySpec(Duration min, Duration max) {
  static final DelaySpec NONE = new DelaySpec(Duration.ZERO, Duration.ZERO);

  /** Parses {@code 3s} or {@code 1s-5s}. */
  static DelaySpec parse(String text) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      Duration d = Durations.parse(text);
      return new DelaySpec(d, d);
    }
    Duration min = Durations.parse(text.substring(0, dash));
    Duration max = Durations.parse(text.substring(dash + 1));
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("delay range '" + text + "' ends before it starts");
    }
    return new DelaySpec(min, max);
  }

  /** The delay for one instance's step: always the same for the same seed. */
  Duration pick(String seed) {
    long span = max.toMillis() - min.toMillis();
    if (span == 0) {
      return min;
    }
    long offset = new SplittableRandom(mix(seed)).nextLong(span + 1);
    return min.plusMillis(offset);
  }

  private static long mix(String seed) {
    long h = 1125899906842597L;
    for (int i = 0; i < seed.length(); i++) {
      h = 31 * h + seed.charAt(i);
    }
    return h;
  }
}
