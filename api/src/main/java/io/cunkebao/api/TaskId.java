package io.cunkebao.api;

import java.time.Instant;
import java.util.HexFormat;
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
  private static final HexFormat HEX = HexFormat.of();
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
   * @return a new id such as {@code 0194f0c2a1b3-9f3c2b7d1e4a5c6b}
   */
  public static TaskId generate(Instant now) {
    // 48 bits of milliseconds (until the year 10889) and 64 random bits. Uniqueness, not secrecy,
    // is needed, so the fast thread-local generator serves (SecureRandom was 10% of a submit).
    String millis = HEX.toHexDigits(now.toEpochMilli()).substring(4);
    return new TaskId(millis + "-" + HEX.toHexDigits(ThreadLocalRandom.current().nextLong()));
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
