/**
 * The engine. Start from {@link io.cunkebao.core.Schedulers#builder()}; the in-memory queue is
 * {@link io.cunkebao.core.InMemoryQueueDriver}; test helpers are in {@link
 * io.cunkebao.core.testing}. Everything under {@code io.cunkebao.core.internal} is internal.
 */
@NullMarked
package io.cunkebao.core;

import org.jspecify.annotations.NullMarked;
