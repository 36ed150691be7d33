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
}
