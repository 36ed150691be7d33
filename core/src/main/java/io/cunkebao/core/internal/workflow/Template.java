package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One string parameter with {@code {name}} or {@code {a.b.c}} placeholders, parsed once at load.
 *
 * <p>Rendering is a single pass over the parsed parts: a substituted value is appended as it is and
 * never scanned again, so a nickname such as {@code "{date}"} stays literal text. {@code {{} and
 * {@code }}} write literal braces; braces around anything that is not a dotted name are literal. A
 * string that is exactly one placeholder keeps the value's JSON type (a list stays a list).
 */
final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{|}}|\\{([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*)}");

  private final List<Object> parts;

  private Template(List<Object> parts) {
    this.parts = List.copyOf(parts);
  }

  /** Parses a string; parts are literal Strings or variable paths (lists of names). */
  static Template parse(String text) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      literal.append(text, last, m.start());
      last = m.end();
      if (m.group(1) == null) {
        literal.append(m.group().charAt(0));
        continue;
      }
      if (literal.length() > 0) {
        parts.add(literal.toString());
        literal.setLength(0);
      }
      parts.add(List.of(m.group(1).split("\\.")));
    }
    literal.append(text, last, text.length());
    if (literal.length() > 0 || parts.isEmpty()) {
      parts.add(literal.toString());
    }
    return new Template(parts);
  }

  /** @return the variable paths the template reads */
  @SuppressWarnings("unchecked")
  List<List<String>> variables() {
    return parts.stream().filter(p -> p instanceof List).map(p -> (List<String>) p).toList();
  }

  /**
   * Renders the template.
   *
   * @param lookup finds a variable's value, or empty when it is unknown
   * @throws IllegalArgumentException naming an unknown variable
   */
  @SuppressWarnings("unchecked")
  JsonNode render(Function<List<String>, Optional<JsonNode>> lookup) {
    if (parts.size() == 1 && parts.get(0) instanceof List<?> only) {
      return resolve((List<String>) only, lookup);
    }
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.append(s);
      } else {
        JsonNode value = resolve((List<String>) part, lookup);
        out.append(value.isValueNode() ? value.asText() : value.toString());
      }
    }
    return TextNode.valueOf(out.toString());
  }

  private static JsonNode resolve(List<String> path, Function<List<String>, Optional<JsonNode>> lookup) {
    return lookup.apply(path).orElseThrow(() -> new IllegalArgumentException(
        "template variable '" + String.join(".", path) + "' is not known"));
  }
}
