package io.cunkebao.core.internal.workflow;

import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TimeoutPolicy;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * One step of a definition, as read and checked at load.
 *
 * @param id unique within the definition
 * @param type the task type it runs
 * @param params its parameters, with templates
 * @param delay its delay after the previous step
 * @param condition when false the step is skipped
 * @param window the days and hours it may start in
 * @param at the time of day it runs at
 * @param retry its retry policy, or null for the task type's or the runner's default
 * @param timeout its timeout, or null for the task type's or the runner's default
 * @param onFailure the step run when this one fails for good, or null
 * @param line where it starts in its source
 */
public record StepSpec(
    String id,
    String type,
    ParamsTemplate params,
    DelaySpec delay,
    @Nullable Expression condition,
    @Nullable TimeWindow window,
    @Nullable LocalTime at,
    @Nullable RetryPolicy retry,
    @Nullable TimeoutPolicy timeout,
    @Nullable StepSpec onFailure,
    int line) {}
