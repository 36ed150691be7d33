package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A checked workflow definition.
 *
 * @param name the workflow's name
 * @param source the file or resource it came from
 * @param line the line its name is on
 * @param zone the zone its times of day and windows are read in, or null for the engine's
 * @param trigger what starts it
 * @param defaults context fields an instance starts with (the trigger's fields win)
 * @param steps its steps, in order
 */
public record Definition(String name, String source, int line, @Nullable ZoneId zone, TriggerSpec trigger, ObjectNode defaults, List<StepSpec> steps) {

  /** Copies the steps. */
  public Definition {
    steps = List.copyOf(steps);
    defaults = defaults.deepCopy();
  }

  /** @return the step at a position, or its on-failure step */
  StepSpec step(int index, boolean onFailure) {
    StepSpec step = steps.get(index);
    if (onFailure) {
      return Optional.ofNullable(step.onFailure()).orElseThrow(() -> new IllegalStateException(
          "workflow '" + name + "' step '" + step.id() + "' has no onFailure step"));
    }
    return step;
  }

  /** @return where a step is, for messages */
  String where(StepSpec step) {
    return source + ":" + step.line() + ": workflow '" + name + "' step '" + step.id() + "'";
  }
}
