package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cunkebao.core.workflow.WorkflowInstance.StepOutcome;
import io.cunkebao.core.workflow.WorkflowStatus;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The step machine's transitions, as pure functions from one instance state to the next: start,
 * a step completed, a step failed for good. Conditions are evaluated when a step becomes current,
 * so a skipped step costs no queue round trip and no wait; the due time of the step that runs is
 * computed here and stored, so a retry after a crash enqueues it for the same instant.
 */
final class Advancer {
  private final ZoneId engineZone;

  Advancer(ZoneId engineZone) {
    this.engineZone = engineZone;
  }

  ZoneId zone(Definition definition) {
    return definition.zone() != null ? definition.zone() : engineZone;
  }

  /** A new instance moved to its first step that runs. */
  InstanceState begin(Definition definition, InstanceState fresh, Instant now) {
    return moveTo(definition, fresh, 0, now);
  }

  /** The current step completed with {@code output}: record it and move on. */
  InstanceState completed(Definition definition, InstanceState state, JsonNode output, Instant now) {
    StepSpec step = definition.step(state.step(), state.onFailure());
    ObjectNode outputs = state.outputs().deepCopy();
    outputs.set(step.id(), output);
    InstanceState recorded = state.recorded(new StepOutcome(step.id(), "completed", now, null), outputs);
    return moveTo(definition, recorded, state.step() + 1, now);
  }

  /** The current step failed for good: run its on-failure step, or fail the instance. */
  InstanceState failed(Definition definition, InstanceState state, String why, Instant now) {
    StepSpec step = definition.step(state.step(), state.onFailure());
    InstanceState recorded = state.recorded(new StepOutcome(step.id(), "failed", now, why), null);
    if (!state.onFailure() && step.onFailure() != null) {
      return recorded.at(state.step(), true, Timing.dueAt(step.onFailure(), now, zone(definition), state.id()), now);
    }
    return recorded.finished(WorkflowStatus.FAILED, definition.where(step) + " failed: " + why, definition.steps().size(), now);
  }

  private InstanceState moveTo(Definition definition, InstanceState state, int index, Instant now) {
    InstanceState current = state;
    for (int i = index; i < definition.steps().size(); i++) {
      StepSpec step = definition.steps().get(i);
      InstanceState here = current.at(i, false, now, now);
      if (step.condition() == null) {
        return here.at(i, false, Timing.dueAt(step, now, zone(definition), state.id()), now);
      }
      boolean runs;
      try {
        runs = step.condition().test(new Scope(here, now, zone(definition)).celVariables());
      } catch (IllegalArgumentException e) {
        return failed(definition, here, "its condition could not be evaluated: " + e.getMessage(), now);
      }
      if (runs) {
        return here.at(i, false, Timing.dueAt(step, now, zone(definition), state.id()), now);
      }
      current = here.recorded(new StepOutcome(step.id(), "skipped", now, "condition " + step.condition().text() + " is false"), null);
    }
    return current.finished(WorkflowStatus.COMPLETED, null, definition.steps().size(), now);
  }
}
