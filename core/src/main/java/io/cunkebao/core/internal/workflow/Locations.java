package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed document with the source line of every value, keyed by JSON pointer ({@code /steps/2/delay}).
 *
 * <p>Jackson's tree drops locations, so the text is read twice: once as a token stream that
 * records {@link JsonParser#currentTokenLocation()} for each pointer, once as a tree. Documents
 * are small definitions, so the second pass costs nothing that matters.
 */
final class Locations {
  private final JsonNode tree;
  private final Map<String, Integer> lines;

  private Locations(JsonNode tree, Map<String, Integer> lines) {
    this.tree = tree;
    this.lines = lines;
  }

  /** Reads a document; {@link IOException} carries the parser's own location. */
  static Locations read(ObjectMapper mapper, String text) throws IOException {
    JsonFactory factory = mapper.getFactory();
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
      }
    }
    JsonNode tree = mapper.readTree(text);
    return new Locations(tree == null ? mapper.nullNode() : tree, lines);
  }

  /** @return the document's root */
  JsonNode tree() {
    return tree;
  }

  /** @return the line of the value at {@code pointer}, or of its nearest parent; 1 at worst */
  int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 1;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}
