package io.cunkebao.core.internal.workflow;

/**
 * The payload of a workflow-step task.
 *
 * @param instanceId the instance
 * @param step the step's index in the definition
 * @param onFailure whether it is that step's on-failure step
 * @param generation the instance's generation when the task was enqueued
 */
public record StepPayload(String instanceId, int step, boolean onFailure, int generation) {

  /** @return the task id: one per instance, step and generation, so each is enqueued once */
  String taskId() {
    return "wf:" + instanceId + ":" + step + (onFailure ? "f" : "") + ":" + generation;
  }

  /** Reads {@link #taskId()} back; empty for any other id. Instance ids may hold colons. */
  static java.util.Optional<StepPayload> parse(String taskId) {
    if (!taskId.startsWith("wf:")) {
      return java.util.Optional.empty();
    }
    int genColon = taskId.lastIndexOf(':');
    int stepColon = taskId.lastIndexOf(':', genColon - 1);
    if (stepColon <= 3) {
      return java.util.Optional.empty();
    }
    try {
      String step = taskId.substring(stepColon + 1, genColon);
      boolean onFailure = step.endsWith("f");
      int index = Integer.parseInt(onFailure ? step.substring(0, step.length() - 1) : step);
      int generation = Integer.parseInt(taskId.substring(genColon + 1));
      return java.util.Optional.of(new StepPayload(taskId.substring(3, stepColon), index, onFailure, generation));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }
}
