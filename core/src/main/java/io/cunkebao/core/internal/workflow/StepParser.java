package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TimeoutPolicy;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads and checks one step (and its on-failure step) of a definition. */
final class StepParser {
  private static final Set<String> FIELDS = Set.of("id", "type", "params", "delay", "condition", "window", "at", "retry", "timeout", "onFailure");
  private static final String ID = "[A-Za-z0-9_-]{1,64}";
  private static final String TYPE = "[A-Za-z0-9_.:-]{1,128}";

  private final DocumentReader doc;

  StepParser(DocumentReader doc) {
    this.doc = doc;
  }

  StepSpec parse(JsonNode node, String pointer, boolean nested) {
    if (!node.isObject()) {
      throw doc.error(pointer, null, "each step must be a mapping with at least 'id' and 'type'");
    }
    String id = doc.text(node, pointer, "id", null);
    if (!id.matches(ID)) {
      throw doc.error(pointer + "/id", id, "has an id that is not 1 to 64 of [A-Za-z0-9_-]");
    }
    doc.onlyFields(node, pointer, id, FIELDS);
    String type = doc.text(node, pointer, "type", id);
    if (!type.matches(TYPE)) {
      throw doc.error(pointer + "/type", id, "has a task type that is not 1 to 128 of [A-Za-z0-9_.:-]: '" + type + "'");
    }
    return new StepSpec(id, type, params(node, pointer, id), delay(node, pointer, id), condition(node, pointer, id),
        window(node, pointer, id), at(node, pointer, id), retry(node, pointer, id), timeout(node, pointer, id),
        onFailure(node, pointer, id, nested), doc.line(pointer));
  }

  private ParamsTemplate params(JsonNode node, String pointer, String id) {
    JsonNode params = node.get("params");
    if (params == null || params.isNull()) {
      return new ParamsTemplate(JsonNodeFactory.instance.objectNode());
    }
    if (!params.isObject()) {
      throw doc.error(pointer + "/params", id, "needs 'params' as a mapping");
    }
    return new ParamsTemplate(params);
  }

  private DelaySpec delay(JsonNode node, String pointer, String id) {
    String text = doc.optionalText(node, pointer, "delay", id);
    return text == null ? DelaySpec.NONE : doc.convert(pointer + "/delay", id, () -> DelaySpec.parse(text));
  }

  private @Nullable Expression condition(JsonNode node, String pointer, String id) {
    String text = doc.optionalText(node, pointer, "condition", id);
    return text == null ? null : doc.convert(pointer + "/condition", id, () -> Expression.condition(text));
  }

  private @Nullable TimeWindow window(JsonNode node, String pointer, String id) {
    JsonNode window = node.get("window");
    if (window == null || window.isNull()) {
      return null;
    }
    String at = pointer + "/window";
    if (!window.isObject()) {
      throw doc.error(at, id, "needs 'window' as a mapping with 'days', 'from' and 'to'");
    }
    doc.onlyFields(window, at, id, Set.of("days", "from", "to"));
    List<String> days = doc.texts(window, at, "days", id);
    return doc.convert(at, id, () -> new TimeWindow(
        days.isEmpty() ? TimeWindow.parseDays("daily") : TimeWindow.parseDays(days),
        LocalTime.parse(doc.text(window, at, "from", id)),
        LocalTime.parse(doc.text(window, at, "to", id))));
  }

  private @Nullable LocalTime at(JsonNode node, String pointer, String id) {
    String text = doc.optionalText(node, pointer, "at", id);
    return text == null ? null : doc.convert(pointer + "/at", id, () -> LocalTime.parse(text));
  }

  /** {@code none}, or a list of delays before each retry ({@code [10s, 60s]}). */
  private @Nullable RetryPolicy retry(JsonNode node, String pointer, String id) {
    JsonNode retry = node.get("retry");
    if (retry == null || retry.isNull()) {
      return null;
    }
    if (retry.isTextual() && retry.textValue().equals("none")) {
      return RetryPolicy.none();
    }
    if (!retry.isArray() || retry.isEmpty()) {
      throw doc.error(pointer + "/retry", id, "'retry' must be 'none' or a list of delays such as [10s, 60s]");
    }
    List<String> texts = doc.texts(node, pointer, "retry", id);
    return doc.convert(pointer + "/retry", id, () -> RetryPolicy.delays(texts.stream().map(Durations::parse).toArray(Duration[]::new)));
  }

  private @Nullable TimeoutPolicy timeout(JsonNode node, String pointer, String id) {
    String text = doc.optionalText(node, pointer, "timeout", id);
    return text == null ? null : doc.convert(pointer + "/timeout", id, () -> TimeoutPolicy.of(Durations.parse(text)));
  }

  private @Nullable StepSpec onFailure(JsonNode node, String pointer, String id, boolean nested) {
    JsonNode onFailure = node.get("onFailure");
    if (onFailure == null || onFailure.isNull()) {
      return null;
    }
    if (nested) {
      throw doc.error(pointer + "/onFailure", id, "is an onFailure step and cannot have an onFailure step of its own");
    }
    return parse(onFailure, pointer + "/onFailure", true);
  }
}
