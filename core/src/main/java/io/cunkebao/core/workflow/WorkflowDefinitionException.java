package io.cunkebao.core.workflow;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A workflow definition that cannot be used: malformed YAML or JSON, a missing or wrong field, an
 * invalid condition, an unknown template variable or task type. The message starts with
 * {@code <source>:<line>:} and names the workflow and step when known.
 */
public final class WorkflowDefinitionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final @Nullable String step;

  /**
   * Creates the exception.
   *
   * @param source the file or resource
   * @param line the line, 1-based (0 when unknown)
   * @param workflow the workflow's name, when known
   * @param step the step's id, when the problem is in a step
   * @param problem what is wrong
   * @param cause the underlying error, if any
   */
  public WorkflowDefinitionException(String source, int line, @Nullable String workflow, @Nullable String step, String problem, @Nullable Throwable cause) {
    super(source + ":" + line + ": " + (workflow != null ? "workflow '" + workflow + "' " : "")
        + (step != null ? "step '" + step + "' " : "") + problem, cause);
    this.source = source;
    this.line = line;
    this.step = step;
  }

  /** @return the file or resource the definition came from */
  public String source() {
    return source;
  }

  /** @return the 1-based line of the problem, 0 when unknown */
  public int line() {
    return line;
  }

  /** @return the step's id, when the problem is in a step */
  public Optional<String> step() {
    return Optional.ofNullable(step);
  }
}
