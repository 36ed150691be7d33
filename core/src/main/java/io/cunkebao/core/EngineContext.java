package io.cunkebao.core;

import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.spi.StateStore;
import java.time.InstantSource;
import java.time.ZoneId;

/**
 * What an {@link EngineExtension} may use of a running engine.
 *
 * @param scheduler the engine
 * @param stateStore the store shared by every engine on the queue
 * @param clock the engine's clock
 * @param zone the engine's zone
 */
public record EngineContext(TaskScheduler scheduler, StateStore stateStore, InstantSource clock, ZoneId zone) {}
