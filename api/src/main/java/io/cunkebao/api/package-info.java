/**
 * The public contract of Cunkebao Engine: what host applications and task-type authors use.
 *
 * <p>Start from {@link io.cunkebao.api.TaskType} (define a task type), {@link
 * io.cunkebao.api.TaskRequest} (ask for a run) and {@link io.cunkebao.api.TaskClient} (submit,
 * follow and steer tasks). Implementors of queue drivers and plugins look in {@link
 * io.cunkebao.api.spi}. This module depends on the JDK only.
 */
@NullMarked
package io.cunkebao.api;

import org.jspecify.annotations.NullMarked;
