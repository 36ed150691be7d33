package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cunkebao.core.workflow.WorkflowInstance.StepOutcome;
import io.cunkebao.core.workflow.WorkflowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One instance as kept in the state store (JSON). Immutable: every change makes a copy that is
 * written back with compare-and-set.
 *
 * @param id the instance's id
 * @param workflow the definition's name
 * @param status where it stands
 * @param context its context fields
 * @param outputs finished steps' outputs by step id
 * @param step the index of the current step; the step count when finished
 * @param onFailure whether the current step is the on-failure step of {@code step}
 * @param generation bumped on resume, so the resumed step gets a fresh task id
 * @param parked whether a paused instance's due step task came and went without running
 * @param dueAt when the current step is due
 * @param history each step's outcome
 * @param error why it failed
 * @param createdAt when it started
 * @param updatedAt its last change
 */
record InstanceState(
    String id,
    String workflow,
    WorkflowStatus status,
    ObjectNode context,
    ObjectNode outputs,
    int step,
    boolean onFailure,
    int generation,
    boolean parked,
    Instant dueAt,
    List<StepOutcome> history,
    @Nullable String error,
    Instant createdAt,
    Instant updatedAt) {

  InstanceState {
    history = List.copyOf(history);
  }

  /** Whether a step task names this instance's current step. */
  boolean isCurrent(StepPayload payload) {
    return payload.step() == step && payload.onFailure() == onFailure && payload.generation() == generation;
  }

  /** Whether a step task should be waiting in the queue for this instance. */
  boolean awaitsStepTask() {
    return status == WorkflowStatus.RUNNING && !parked;
  }

  InstanceState withStatus(WorkflowStatus next, Instant now) {
    return new InstanceState(id, workflow, next, context, outputs, step, onFailure, generation, parked, dueAt, history, error, createdAt, now);
  }

  InstanceState parked(boolean value, Instant now) {
    return new InstanceState(id, workflow, status, context, outputs, step, onFailure, generation, value, dueAt, history, error, createdAt, now);
  }

  InstanceState resumed(Instant now) {
    int gen = parked ? generation + 1 : generation;
    return new InstanceState(id, workflow, WorkflowStatus.RUNNING, context, outputs, step, onFailure, gen, false, dueAt, history, error, createdAt, now);
  }

  InstanceState at(int nextStep, boolean nextOnFailure, Instant due, Instant now) {
    return new InstanceState(id, workflow, status, context, outputs, nextStep, nextOnFailure, generation, parked, due, history, error, createdAt, now);
  }

  InstanceState recorded(StepOutcome outcome, @Nullable ObjectNode nextOutputs) {
    List<StepOutcome> more = new ArrayList<>(history);
    more.add(outcome);
    return new InstanceState(id, workflow, status, context, nextOutputs != null ? nextOutputs : outputs, step, onFailure, generation, parked, dueAt, more, error, createdAt, outcome.at());
  }

  InstanceState finished(WorkflowStatus end, @Nullable String why, int stepCount, Instant now) {
    return new InstanceState(id, workflow, end, context, outputs, stepCount, false, generation, false, now, history, why, createdAt, now);
  }
}
