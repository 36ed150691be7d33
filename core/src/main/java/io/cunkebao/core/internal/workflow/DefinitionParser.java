package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cunkebao.core.internal.trigger.CronExpression;
import io.cunkebao.core.workflow.WorkflowDefinitionException;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a workflow definition from YAML or JSON text and checks it completely, so that every
 * mistake surfaces at load with its source and line rather than when a step runs days later.
 */
public final class DefinitionParser {
  private static final Set<String> FIELDS = Set.of("name", "description", "zone", "trigger", "context", "inputs", "steps");
  /** Template variables every step may use besides the context and earlier steps' outputs. */
  static final Set<String> BUILTINS = Set.of("date", "time", "now", "instanceId", "workflow", "steps");

  private final DocumentReader doc;

  private DefinitionParser(DocumentReader doc) {
    this.doc = doc;
  }

  /**
   * Parses one definition.
   *
   * @param source the file or resource name, for messages; {@code .json} selects JSON, else YAML
   * @param text the document
   * @return the definition
   * @throws WorkflowDefinitionException naming the source, the line and the step
   */
  public static Definition parse(String source, String text) {
    Locations locations;
    try {
      locations = Locations.read(mapperFor(source), text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
      throw new WorkflowDefinitionException(source, line, null, null, "is not valid " + format(source) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new WorkflowDefinitionException(source, 0, null, null, "cannot be read: " + e.getMessage(), e);
    }
    return new DefinitionParser(new DocumentReader(source, locations)).definition(source);
  }

  private Definition definition(String source) {
    JsonNode root = doc.root();
    if (!root.isObject()) {
      throw doc.error("", null, "must be a mapping with 'name', 'trigger' and 'steps'");
    }
    String name = doc.text(root, "", "name", null);
    if (!name.matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw doc.error("/name", null, "name '" + name + "' must be 1 to 64 of [A-Za-z0-9_.:-]");
    }
    doc.workflow(name);
    doc.onlyFields(root, "", null, FIELDS);
    ObjectNode defaults = root.has("context") ? (ObjectNode) doc.object(root, "", "context", null) : JsonNodeFactory.instance.objectNode();
    List<StepSpec> steps = steps(root);
    checkTemplates(root, steps, defaults);
    return new Definition(name, source, doc.line("/name"), zone(root), new TriggerParser(doc).parse(root), defaults, steps);
  }

  private @Nullable ZoneId zone(JsonNode root) {
    String zone = doc.optionalText(root, "", "zone", null);
    return zone == null ? null : doc.convert("/zone", null, () -> ZoneId.of(zone));
  }

  private List<StepSpec> steps(JsonNode root) {
    JsonNode steps = root.get("steps");
    if (steps == null || !steps.isArray() || steps.isEmpty()) {
      throw doc.error("/steps", null, "needs 'steps' as a non-empty list");
    }
    StepParser parser = new StepParser(doc);
    List<StepSpec> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      StepSpec step = parser.parse(steps.get(i), "/steps/" + i, false);
      unique(ids, step, "/steps/" + i);
      if (step.onFailure() != null) {
        unique(ids, step.onFailure(), "/steps/" + i + "/onFailure");
      }
      out.add(step);
    }
    return out;
  }

  private void unique(Set<String> ids, StepSpec step, String pointer) {
    if (!ids.add(step.id())) {
      throw doc.error(pointer + "/id", step.id(), "has an id used by another step");
    }
  }

  /**
   * Rejects template variables that cannot exist: outputs of steps that do not run earlier, and,
   * when the definition lists its {@code inputs}, context fields that are neither inputs nor defaults.
   */
  private void checkTemplates(JsonNode root, List<StepSpec> steps, ObjectNode defaults) {
    Set<String> context = null;
    if (root.has("inputs")) {
      context = new HashSet<>(doc.texts(root, "", "inputs", null));
      defaults.fieldNames().forEachRemaining(context::add);
    }
    Set<String> earlier = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      StepSpec step = steps.get(i);
      check(step, "/steps/" + i, earlier, context);
      if (step.onFailure() != null) {
        check(step.onFailure(), "/steps/" + i + "/onFailure", earlier, context);
      }
      earlier.add(step.id());
    }
  }

  private void check(StepSpec step, String pointer, Set<String> earlier, @Nullable Set<String> context) {
    for (List<String> path : step.params().variables()) {
      String root = path.get(0);
      String name = String.join(".", path);
      if (root.equals("steps") && (path.size() < 2 || !earlier.contains(path.get(1)))) {
        throw doc.error(pointer + "/params", step.id(), "uses '{" + name + "}' but no earlier step has the id '"
            + (path.size() < 2 ? "" : path.get(1)) + "' (earlier steps: " + earlier.stream().sorted().toList() + ")");
      }
      if (context != null && !BUILTINS.contains(root) && !context.contains(root)) {
        throw doc.error(pointer + "/params", step.id(), "uses '{" + name + "}', which is neither an input, a context default nor one of "
            + BUILTINS.stream().sorted().toList());
      }
    }
  }

  private static String format(String source) {
    return isJson(source) ? "JSON" : "YAML";
  }

  private static boolean isJson(String source) {
    return source.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static ObjectMapper mapperFor(String source) {
    if (isJson(source)) {
      return new ObjectMapper();
    }
    LoaderOptions options = new LoaderOptions();
    // Definitions are small; these limits stop alias bombs and oversized documents early.
    options.setMaxAliasesForCollections(20);
    options.setCodePointLimit(1 << 20);
    return new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
  }

  /** Reads the trigger. */
  private static final class TriggerParser {
    private final DocumentReader doc;

    TriggerParser(DocumentReader doc) {
      this.doc = doc;
    }

    TriggerSpec parse(JsonNode root) {
      JsonNode trigger = root.get("trigger");
      if (trigger != null && trigger.isTextual() && trigger.textValue().equals("manual")) {
        return TriggerSpec.manual();
      }
      if (trigger == null || !trigger.isObject()) {
        throw doc.error("/trigger", null, "needs a 'trigger': manual, {cron: ...} or {event: ..., filter: ..., after: ...}");
      }
      doc.onlyFields(trigger, "/trigger", null, Set.of("cron", "event", "filter", "after", "manual"));
      String cron = doc.optionalText(trigger, "/trigger", "cron", null);
      if (cron != null) {
        doc.convert("/trigger/cron", null, () -> CronExpression.parse(cron));
        return new TriggerSpec(TriggerSpec.Kind.CRON, cron, null, null, Duration.ZERO);
      }
      String event = doc.optionalText(trigger, "/trigger", "event", null);
      if (event == null) {
        if (trigger.has("manual")) {
          return TriggerSpec.manual();
        }
        throw doc.error("/trigger", null, "needs 'cron' or 'event' (or the word manual)");
      }
      if (!event.matches("[A-Za-z0-9_.:-]{1,128}")) {
        throw doc.error("/trigger/event", null, "event type '" + event + "' must be 1 to 128 of [A-Za-z0-9_.:-]");
      }
      String filter = doc.optionalText(trigger, "/trigger", "filter", null);
      String after = doc.optionalText(trigger, "/trigger", "after", null);
      return new TriggerSpec(TriggerSpec.Kind.EVENT, null, event,
          filter == null ? null : doc.convert("/trigger/filter", null, () -> Expression.filter(filter)),
          after == null ? Duration.ZERO : doc.convert("/trigger/after", null, () -> Durations.parse(after)));
    }
  }
}
