package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a step's condition and templates can see: the instance's context, earlier steps' outputs
 * ({@code steps.<id>...}) and a few built-ins ({@code date}, {@code time}, {@code now},
 * {@code instanceId}, {@code workflow}). Context fields win over built-ins of the same name.
 */
final class Scope {
  private final InstanceState state;
  private final ZonedDateTime now;

  Scope(InstanceState state, Instant now, ZoneId zone) {
    this.state = state;
    this.now = now.atZone(zone);
  }

  /** Looks up a template variable path. */
  Optional<JsonNode> lookup(List<String> path) {
    String root = path.get(0);
    if (root.equals("steps")) {
      return walk(state.outputs(), path.subList(1, path.size()));
    }
    if (state.context().has(root)) {
      return walk(state.context(), path);
    }
    return builtin(root).filter(v -> path.size() == 1);
  }

  /** @return the variables of a condition, as CEL values */
  Map<String, Object> celVariables() {
    return Map.of("ctx", toCel(state.context()), "steps", toCel(state.outputs()), "workflow", state.workflow());
  }

  private Optional<JsonNode> builtin(String name) {
    return Optional.ofNullable(switch (name) {
      case "date" -> TextNode.valueOf(now.toLocalDate().toString());
      case "time" -> TextNode.valueOf(now.format(DateTimeFormatter.ofPattern("HH:mm")));
      case "now" -> TextNode.valueOf(now.toInstant().toString());
      case "instanceId" -> TextNode.valueOf(state.id());
      case "workflow" -> TextNode.valueOf(state.workflow());
      default -> null;
    });
  }

  private static Optional<JsonNode> walk(JsonNode start, List<String> path) {
    JsonNode node = start;
    for (String name : path) {
      node = node.isArray() && name.chars().allMatch(Character::isDigit) ? node.get(Integer.parseInt(name)) : node.get(name);
      if (node == null || node.isMissingNode()) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  /**
   * JSON to the values CEL works with: integers as long, other numbers as double; nulls are left
   * out, so {@code has(ctx.crm)} is false for {@code crm: null}.
   */
  static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          map.put(e.getKey(), toCel(e.getValue()));
        }
      });
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(child -> {
        if (!child.isNull()) {
          list.add(toCel(child));
        }
      });
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }
}
