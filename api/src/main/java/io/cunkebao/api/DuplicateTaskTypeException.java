package io.cunkebao.api;

/** Two plugins or registrations claim the same task type name; the engine refuses to build. */
public class DuplicateTaskTypeException extends CunkebaoException {
  private static final long serialVersionUID = 1L;
  private final String type;

  /**
   * Creates the exception.
   *
   * @param type the contested name
   * @param firstSource the class that registered it first
   * @param secondSource the class that registered it again
   */
  public DuplicateTaskTypeException(String type, String firstSource, String secondSource) {
    super("task type '" + type + "' is registered twice: by " + firstSource + " and by " + secondSource);
    this.type = type;
  }

  /**
   * The contested type name.
   *
   * @return the name
   */
  public String type() {
    return type;
  }
}
