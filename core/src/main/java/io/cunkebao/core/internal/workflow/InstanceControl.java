package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cunkebao.api.CunkebaoException;
import io.cunkebao.api.TaskId;
import io.cunkebao.core.workflow.WorkflowInstance;
import io.cunkebao.core.workflow.WorkflowStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Lists instances and carries out an operator's cancel, pause and resume. */
public final class InstanceControl {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private final WorkflowRuntime runtime;

  /**
   * Control over a runtime's instances.
   *
   * @param runtime the runtime
   */
  public InstanceControl(WorkflowRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * One instance.
   *
   * @param id its id
   * @return it, or empty
   */
  public Optional<WorkflowInstance> get(String id) {
    return runtime.store().get(id).map(this::view);
  }

  /**
   * Instances in id order.
   *
   * @param workflow only this workflow's, or null for all
   * @return the instances
   */
  public List<WorkflowInstance> list(@Nullable String workflow) {
    return runtime.store().list(workflow).stream().map(this::view).toList();
  }

  /**
   * Cancels an instance: no further step starts; its waiting step task is cancelled.
   *
   * @param id the instance
   * @return the instance after the change
   */
  public WorkflowInstance cancel(String id) {
    InstanceState after = apply(id, "cancel", s -> s.withStatus(WorkflowStatus.CANCELLED, runtime.parts().clock().instant()));
    try {
      runtime.parts().client().cancel(TaskId.of(new StepPayload(after.id(), after.step(), after.onFailure(), after.generation()).taskId()));
    } catch (CunkebaoException | IllegalArgumentException e) {
      // Already ran, running or trimmed: the task finds the instance cancelled and does nothing.
    }
    return view(after);
  }

  /**
   * Pauses an instance: the step that is due next does not start until resumed.
   *
   * @param id the instance
   * @return the instance after the change
   */
  public WorkflowInstance pause(String id) {
    return view(apply(id, "pause", s -> s.status() == WorkflowStatus.PAUSED ? s : s.withStatus(WorkflowStatus.PAUSED, runtime.parts().clock().instant())));
  }

  /**
   * Resumes a paused instance; a step that fell due meanwhile runs at once.
   *
   * @param id the instance
   * @return the instance after the change
   */
  public WorkflowInstance resume(String id) {
    return view(apply(id, "resume", s -> s.status() == WorkflowStatus.RUNNING ? s : s.resumed(runtime.parts().clock().instant())));
  }

  private InstanceState apply(String id, String what, UnaryOperator<InstanceState> change) {
    return runtime.control(id, s -> {
      if (s.status().isFinished()) {
        throw new IllegalStateException("cannot " + what + " workflow instance " + id + ": it is " + s.status());
      }
      return change.apply(s);
    }).orElseThrow(() -> new IllegalArgumentException("no workflow instance " + id));
  }

  private WorkflowInstance view(InstanceState s) {
    boolean finished = s.status().isFinished();
    String current = finished ? null : currentStepId(s);
    return new WorkflowInstance(s.id(), s.workflow(), s.status(), current, finished ? null : s.dueAt(),
        runtime.parts().json().convertValue(s.context(), MAP), runtime.parts().json().convertValue(s.outputs(), MAP),
        s.history(), s.error(), s.createdAt(), s.updatedAt());
  }

  private @Nullable String currentStepId(InstanceState s) {
    Definition definition = runtime.parts().definitions().get(s.workflow());
    return definition == null ? null : definition.step(s.step(), s.onFailure()).id();
  }
}
