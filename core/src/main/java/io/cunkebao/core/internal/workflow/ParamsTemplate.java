package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A step's parameters: a JSON tree whose string leaves are {@link Template}s, parsed at load. */
final class ParamsTemplate {
  private final JsonNode tree;

  ParamsTemplate(JsonNode tree) {
    this.tree = tree.deepCopy();
  }

  /** @return every variable path used in any string leaf */
  List<List<String>> variables() {
    List<List<String>> out = new ArrayList<>();
    collect(tree, out);
    return out;
  }

  /** Renders every string leaf; numbers, booleans and nulls pass through. */
  JsonNode render(Function<List<String>, Optional<JsonNode>> lookup) {
    return render(tree, lookup);
  }

  private static JsonNode render(JsonNode node, Function<List<String>, Optional<JsonNode>> lookup) {
    if (node.isTextual()) {
      return Template.parse(node.textValue()).render(lookup);
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(child -> out.add(render(child, lookup)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        out.set(field.getKey(), render(field.getValue(), lookup));
      }
      return out;
    }
    return node;
  }

  private static void collect(JsonNode node, List<List<String>> out) {
    if (node.isTextual()) {
      out.addAll(Template.parse(node.textValue()).variables());
    } else {
      node.forEach(child -> collect(child, out));
    }
  }
}
