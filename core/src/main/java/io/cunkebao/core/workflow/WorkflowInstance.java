package io.cunkebao.core.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one workflow instance, as stored.
 *
 * @param id the instance's id
 * @param workflow its definition's name
 * @param status where it stands
 * @param currentStep the id of the step that runs next (or runs), or null when finished
 * @param nextRunAt when that step is due, or null when finished
 * @param context its context: the trigger's fields over the definition's defaults
 * @param outputs each finished step's output (what its handler's stage completed with), by step id
 * @param history each step's outcome, in order
 * @param error why it failed, or null
 * @param createdAt when it started
 * @param updatedAt its last change
 */
public record WorkflowInstance(
    String id,
    String workflow,
    WorkflowStatus status,
    @Nullable String currentStep,
    @Nullable Instant nextRunAt,
    Map<String, Object> context,
    Map<String, Object> outputs,
    List<StepOutcome> history,
    @Nullable String error,
    Instant createdAt,
    Instant updatedAt) {

  /** Copies the collections. */
  public WorkflowInstance {
    context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
    outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    history = List.copyOf(history);
  }

  /** @return why it failed, if it did */
  public Optional<String> failure() {
    return Optional.ofNullable(error);
  }

  /**
   * What became of one step.
   *
   * @param step the step's id
   * @param outcome {@code completed}, {@code skipped} or {@code failed}
   * @param at when
   * @param detail the failure, or the condition that skipped it
   */
  public record StepOutcome(String step, String outcome, Instant at, @Nullable String detail) {}
}
