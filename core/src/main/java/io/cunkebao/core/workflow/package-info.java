/**
 * Durable multi-step workflows: definitions in YAML or JSON ({@link
 * io.cunkebao.core.workflow.WorkflowDefinition}), started by an event, a cron schedule or a call,
 * run step by step through the queue by {@link io.cunkebao.core.workflow.Workflows}, with instance
 * state in the engine's state store.
 */
@NullMarked
package io.cunkebao.core.workflow;

import org.jspecify.annotations.NullMarked;
