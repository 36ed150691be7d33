package io.cunkebao.core.internal.workflow;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The payload of a workflow-start task.
 *
 * @param workflow the definition's name
 * @param context the trigger's context fields
 * @param instanceId the instance's id when the caller chose it; else derived from the task's id
 */
public record StartPayload(String workflow, Map<String, Object> context, @Nullable String instanceId) {

  /** Copies the context. */
  public StartPayload {
    context = context == null ? Map.of() : new java.util.LinkedHashMap<>(context);
  }
}
