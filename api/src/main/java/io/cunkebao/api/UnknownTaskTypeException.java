package io.cunkebao.api;

/** A task names a type that this engine has no handler for. */
public class UnknownTaskTypeException extends InvalidTaskRequestException {
  private static final long serialVersionUID = 1L;
  private final String type;

  /**
   * Creates the exception.
   *
   * @param type the unknown type name
   */
  public UnknownTaskTypeException(String type) {
    super("type", "unknown task type '" + type + "'; register it on the builder or as a plugin");
    this.type = type;
  }

  /**
   * The type name that no registered task type has.
   *
   * @return the name
   */
  public String type() {
    return type;
  }
}
