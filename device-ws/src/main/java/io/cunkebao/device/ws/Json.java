package io.cunkebao.device.ws;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one JSON mapper of the module: trees only, never binding to arbitrary classes (untrusted
 * input), with nesting and size limits so a hostile frame cannot exhaust the stack or memory.
 */
final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(32).maxStringLength(4 << 20).maxNumberLength(64).build());
  }

  private Json() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectNode fromMap(Map<String, Object> fields) {
    return MAPPER.valueToTree(fields);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(JsonNode node) {
    return MAPPER.convertValue(node, Map.class);
  }

  static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
    List<T> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(item.apply(n)));
    return out;
  }

  static List<String> strings(JsonNode array) {
    return list(array, JsonNode::asText);
  }
}
