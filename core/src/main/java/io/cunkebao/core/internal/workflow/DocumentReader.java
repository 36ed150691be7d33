package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.cunkebao.core.workflow.WorkflowDefinitionException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to one definition document, turning every problem into a {@link
 * WorkflowDefinitionException} with the source, the line of the offending value and the step.
 */
final class DocumentReader {
  private final String source;
  private final Locations locations;
  private @Nullable String workflow;

  DocumentReader(String source, Locations locations) {
    this.source = source;
    this.locations = locations;
  }

  void workflow(String name) {
    this.workflow = name;
  }

  JsonNode root() {
    return locations.tree();
  }

  int line(String pointer) {
    return locations.line(pointer);
  }

  WorkflowDefinitionException error(String pointer, @Nullable String step, String problem) {
    return error(pointer, step, problem, null);
  }

  WorkflowDefinitionException error(String pointer, @Nullable String step, String problem, @Nullable Throwable cause) {
    return new WorkflowDefinitionException(source, line(pointer), workflow, step, problem, cause);
  }

  /** Rejects fields the schema does not know, so a typo ({@code dealy}) is not silently ignored. */
  void onlyFields(JsonNode node, String pointer, @Nullable String step, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        throw error(pointer + "/" + field, step, "has an unknown field '" + field + "' (allowed: " + allowed.stream().sorted().toList() + ")");
      }
    }
  }

  JsonNode object(JsonNode parent, String pointer, String field, @Nullable String step) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw error(pointer + "/" + field, step, "needs '" + field + "' as a mapping");
    }
    return node;
  }

  String text(JsonNode parent, String pointer, String field, @Nullable String step) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      throw error(pointer, step, "needs a '" + field + "'");
    }
    if (!node.isValueNode() || node.isBinary()) {
      throw error(pointer + "/" + field, step, "'" + field + "' must be a string");
    }
    return node.asText();
  }

  @Nullable String optionalText(JsonNode parent, String pointer, String field, @Nullable String step) {
    JsonNode node = parent.get(field);
    return node == null || node.isNull() ? null : text(parent, pointer, field, step);
  }

  /** A list of strings, or one string taken as a list of one. */
  List<String> texts(JsonNode parent, String pointer, String field, @Nullable String step) {
    JsonNode node = parent.get(field);
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (!node.get(i).isValueNode()) {
          throw error(pointer + "/" + field + "/" + i, step, "'" + field + "' must list strings");
        }
        out.add(node.get(i).asText());
      }
      return out;
    }
    out.add(text(parent, pointer, field, step));
    return out;
  }

  /** Runs a conversion, reporting its {@link IllegalArgumentException} at {@code pointer}. */
  <T> T convert(String pointer, @Nullable String step, Conversion<T> conversion) {
    try {
      return conversion.run();
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw error(pointer, step, e.getMessage(), e);
    }
  }

  /** A conversion that may reject its input. */
  @FunctionalInterface
  interface Conversion<T> {
    T run();
  }
}
