package io.cunkebao.api;

import org.jspecify.annotations.Nullable;

/**
 * How far a running task has come, as its handler reports it.
 *
 * @param done units done (sends made, pages read ...), not negative
 * @param total units in all, or 0 when unknown
 * @param message a short human note, or null
 */
public record Progress(long done, long total, @Nullable String message) {

  /** Checks the counts. */
  public Progress {
    if (done < 0 || total < 0) {
      throw new IllegalArgumentException("progress counts must not be negative: " + done + "/" + total);
    }
  }

  /**
   * Progress of {@code done} out of {@code total}.
   *
   * @param done units done
   * @param total units in all
   * @return the progress
   */
  public static Progress of(long done, long total) {
    return new Progress(done, total, null);
  }
}
