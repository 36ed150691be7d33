/**
 * Internal; may change without notice. Triggers: cron expressions and their DST policy ({@link
 * io.cunkebao.core.internal.trigger.CronExpression}), schedules kept in the state store (fired by
 * {@code io.cunkebao.core.internal.engine.CronScheduler}) and the durable event bus ({@link
 * io.cunkebao.core.internal.trigger.EventBus}).
 */
@NullMarked
package io.cunkebao.core.internal.trigger;

import org.jspecify.annotations.NullMarked;
