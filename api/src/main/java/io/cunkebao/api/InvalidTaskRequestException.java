package io.cunkebao.api;

/**
 * A task request was rejected at submit; nothing was enqueued.
 *
 * <p>{@link #field()} names the offending field ({@code type}, {@code payload}, {@code queue},
 * {@code runAt}, {@code payload.phone} ...), and the message says what was wrong with it.
 */
public class InvalidTaskRequestException extends CunkebaoException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the field that was wrong
   * @param problem what was wrong with it
   */
  public InvalidTaskRequestException(String field, String problem) {
    super("invalid task request: " + field + ": " + problem);
    this.field = field;
  }

  /**
   * The field that was wrong.
   *
   * @return a field name or path such as {@code payload.phone}
   */
  public String field() {
    return field;
  }
}
