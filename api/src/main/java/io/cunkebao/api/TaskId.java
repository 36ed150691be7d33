package io.cunkebao.api;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The identity of one task, stable across retries, pauses and replays.
 *
 * <p>Generated ids sort by creation time (a millisecond prefix) and carry 64 random bits, so they
 * are unique across nodes without coordination. They are not secrets: do not use them as tokens.
 *
 * @param value the id's text; 1 to 128 characters of {@code [A-Za-z0-9._:-]}
 */
public record TaskId(String value) implements Comparable<TaskId> {
  private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuv".toCharArray();
  private static final int MAX_LENGTH = 128;

  /** Checks the id's text. */
  public TaskId {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("task id must be 1 to " + MAX_LENGTH + " characters: " + value);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == ':' || c == '-';
      if (!ok) {
        throw new IllegalArgumentException("task id has an illegal character '" + c + "': " + value);
      }
    }
  }

  /**
   * A fresh id ordered by {@code now}.
   *
   * @param now the creation time, from the engine's clock
   * @return a new id such as {@code 01jh7g3k2p-7vq1s0f4m2c8e}
   */
  public static TaskId generate(Instant now) {
    // Milliseconds (10 base-32 digits, good until the year 36812) then 64 random bits (13 digits):
    // fixed widths and digits that sort in ASCII order keep ids in creation order; 24 characters
    // rather than 29 in hex save 8 bytes on every queued task. Uniqueness, not secrecy, is needed,
    // so the fast thread-local generator serves (SecureRandom was 10% of a submit).
    return new TaskId(base32(now.toEpochMilli(), 10) + "-" + base32(ThreadLocalRandom.current().nextLong(), 13));
  }

  private static String base32(long value, int width) {
    char[] out = new char[width];
    long rest = value;
    for (int i = width - 1; i >= 0; i--) {
      out[i] = DIGITS[(int) (rest & 31)];
      rest >>>= 5;
    }
    return new String(out);
  }

  /**
   * Wraps an existing id.
   *
   * @param value the id's text
   * @return the id
   */
  public static TaskId of(String value) {
    return new TaskId(value);
  }

  @Override
  public int compareTo(TaskId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
