package io.cunkebao.core.workflow;

import io.cunkebao.core.internal.workflow.Definition;
import io.cunkebao.core.internal.workflow.DefinitionParser;
import io.cunkebao.core.internal.workflow.StepSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A checked workflow definition, read from YAML or JSON (a {@code .json} name selects JSON).
 *
 * <pre>{@code
 * WorkflowDefinition acquisition = WorkflowDefinition.fromResource("io/cunkebao/workflows/acquisition.yaml");
 * WorkflowDefinition mine = WorkflowDefinition.fromFile(Path.of("workflows/vip.yaml"));
 * }</pre>
 *
 * <p>Everything is checked at load: the schema, durations, windows, times of day, retry and
 * timeout policies, cron expressions, conditions (compiled), and template variables that cannot
 * exist. Problems are thrown as {@link WorkflowDefinitionException} naming the source, the line
 * and the step. Task types are checked when the definition is given to {@link Workflows}.
 * Immutable and thread-safe.
 */
public final class WorkflowDefinition {
  private final Definition definition;

  private WorkflowDefinition(Definition definition) {
    this.definition = definition;
  }

  /**
   * Parses a definition from text.
   *
   * @param source a name for messages; ending in {@code .json} selects JSON, anything else YAML
   * @param text the document
   * @return the definition
   * @throws WorkflowDefinitionException when it is invalid
   */
  public static WorkflowDefinition parse(String source, String text) {
    return new WorkflowDefinition(DefinitionParser.parse(Objects.requireNonNull(source, "source"), Objects.requireNonNull(text, "text")));
  }

  /**
   * Reads a definition from a file.
   *
   * @param file a {@code .yaml}, {@code .yml} or {@code .json} file
   * @return the definition
   * @throws WorkflowDefinitionException when it is invalid
   * @throws UncheckedIOException when it cannot be read
   */
  public static WorkflowDefinition fromFile(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workflow definition " + file, e);
    }
  }

  /**
   * Reads a definition from the class path, as plugins ship them.
   *
   * @param loader where to look
   * @param resource such as {@code io/cunkebao/workflows/acquisition.yaml}
   * @return the definition
   * @throws WorkflowDefinitionException when it is invalid
   * @throws IllegalArgumentException when there is no such resource
   */
  public static WorkflowDefinition fromResource(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no workflow definition resource " + resource + " on the class path");
      }
      return parse("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workflow definition resource " + resource, e);
    }
  }

  /**
   * Reads a definition from the class path of this library.
   *
   * @param resource such as {@code io/cunkebao/workflows/acquisition.yaml}
   * @return the definition
   */
  public static WorkflowDefinition fromResource(String resource) {
    return fromResource(WorkflowDefinition.class.getClassLoader(), resource);
  }

  /** @return the workflow's name */
  public String name() {
    return definition.name();
  }

  /** @return the file or resource it came from */
  public String source() {
    return definition.source();
  }

  /** @return the step ids, in order */
  public List<String> stepIds() {
    return definition.steps().stream().map(StepSpec::id).toList();
  }

  /** @return what starts it, in words ({@code manual}, {@code cron '30 8 * * *'}, {@code event FriendAdded after PT72H}) */
  public String trigger() {
    return definition.trigger().toString();
  }

  Definition definition() {
    return definition;
  }

  @Override
  public String toString() {
    return "WorkflowDefinition[" + name() + " from " + source() + ", " + trigger() + ", steps " + stepIds() + "]";
  }
}
