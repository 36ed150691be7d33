/**
 * Internal; may change without notice. The workflow runner behind {@link
 * io.cunkebao.core.workflow.Workflows}: definitions parsed from YAML or JSON with their source
 * lines, CEL conditions with bounded cost, single-pass templates, and the durable step machine
 * whose instance state lives in the engine's {@link io.cunkebao.api.spi.StateStore}.
 */
@NullMarked
package io.cunkebao.core.internal.workflow;

import org.jspecify.annotations.NullMarked;
