/**
 * The state machine and indexes behind {@link io.cunkebao.core.InMemoryQueueDriver}; internal, may
 * change without notice.
 *
 * <p>Nothing here is thread-safe: the driver guards every object of this package with its one
 * lock. Start from {@link io.cunkebao.core.internal.memory.MemoryQueue} (one method per driver
 * operation); {@code TaskIndex} owns the indexes and is the only place that moves a task between
 * them.
 */
@NullMarked
package io.cunkebao.core.internal.memory;

import org.jspecify.annotations.NullMarked;
